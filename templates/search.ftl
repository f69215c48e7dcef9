<#ftl output_format="HTML" strip_whitespace=true>
<#-- The search page. Everything happens in js/search.js (no inline script: the CSP is script-src 'self');
     the index it reads is written by paperbake.index.SearchIndexWriter under search/. -->
<#import "layout.ftl" as layout>
<@layout.page bodyClass="search" ; part>
<#if part == "early">
<#-- A shared search/?q= link is a fresh session: its scripts' imports and the index manifest are requested with the
     page, before the layout's blocking theme script, not one after the other once search.js has run
     (docs/BENCHMARKS.md, Search: where the first query's time goes).
     crossorigin: fetch() asks in cors mode, and a preload is only reused by a request of the same mode. -->
<script type="module" src="${site.searchJs}"></script>
<link rel="modulepreload" href="${site.base}js/search-engine.js">
<link rel="modulepreload" href="${site.base}js/search-analyzer.js">
<link rel="modulepreload" href="${site.base}js/search-fetch.js">
<link rel="modulepreload" href="${site.base}js/search-format.js">
<link rel="preload" href="${site.base}search/manifest.json" as="fetch" crossorigin>
</#if>
<#if part == "head">
<link rel="stylesheet" href="${site.base}css/search.css">
</#if>
<#if part == "main">
<div id="search-page">
<h1><@layout.t "searchHeading"/></h1>
<form id="search-form" class="search-form" action="${site.search}" role="search" <@layout.label "searchPapers"/>>
<label class="search-q-label"><@layout.t "searchLabel"/>
<input id="search-q" type="search" name="q" autocomplete="off" spellcheck="false" enterkeyhint="search"
 placeholder="LLM 幻觉, retrieval augmented generation…" aria-controls="search-results" autofocus>
</label>
<label><@layout.t "channel"/>
<select id="search-channel" name="channel"><option value="" <@layout.text "all"/>>${ui.all[site.lang]}</option></select>
</label>
<label hidden><@layout.t "topic"/>
<select id="search-topic" name="topic"><option value="" <@layout.text "all"/>>${ui.all[site.lang]}</option></select>
</label>
<label><@layout.t "from"/> <input id="search-from" type="date" name="from"></label>
<label><@layout.t "to"/> <input id="search-to" type="date" name="to"></label>
<label><@layout.t "sort"/>
<select id="search-sort" name="sort">
<option value="relevance" <@layout.text "relevance"/>>${ui.relevance[site.lang]}</option>
<option value="newest" <@layout.text "newest"/>>${ui.newest[site.lang]}</option>
</select>
</label>
</form>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="search-results" <@layout.label "searchResults"/> data-state="idle"></ol>
<button id="search-more" type="button" hidden><@layout.t "moreResults"/></button>
<noscript><p><@layout.t "needsScript"/></p></noscript>
</div>
</#if>
</@layout.page>
