<#ftl output_format="HTML" strip_whitespace=true>
<#-- The search page. Everything happens in js/search.js (no inline script: the CSP is script-src 'self');
     the index it reads is written by paperbake.index.SearchIndexWriter under search/. -->
<#import "layout.ftl" as layout>
<@layout.page bodyClass="search" ; part>
<#if part == "head">
<link rel="stylesheet" href="${site.base}css/search.css">
<script type="module" src="${site.searchJs}"></script>
</#if>
<#if part == "main">
<div id="search-page">
<h1>Search · 搜索</h1>
<form id="search-form" class="search-form" action="${site.search}" role="search">
<label class="search-q-label">Search papers in Chinese or English
<input id="search-q" type="search" name="q" autocomplete="off" spellcheck="false" enterkeyhint="search"
 placeholder="LLM 幻觉, retrieval augmented generation…" aria-controls="search-results" autofocus>
</label>
<label>Channel
<select id="search-channel" name="channel"><option value="">All</option></select>
</label>
<label hidden>Topic
<select id="search-topic" name="topic"><option value="">All</option></select>
</label>
<label>From <input id="search-from" type="date" name="from"></label>
<label>To <input id="search-to" type="date" name="to"></label>
<label>Sort
<select id="search-sort" name="sort">
<option value="relevance">Relevance</option>
<option value="newest">Newest</option>
</select>
</label>
</form>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="search-results" role="listbox" aria-label="Search results" data-state="idle"></ol>
<button id="search-more" type="button" hidden>More results</button>
<noscript><p>Search needs JavaScript. Every paper is also listed on its digest pages and in the archive.</p></noscript>
</div>
</#if>
</@layout.page>
