<#ftl output_format="HTML" strip_whitespace=true>
<#-- A day's papers across channels: the home page is the latest day, days/YYYY-MM-DD/ the others. -->
<#import "layout.ftl" as layout>
<@layout.page bodyClass="day" ; part>
<#if part == "main">
<#if page.date?has_content>
<h1><#if page.newerUrl?has_content><@layout.t "papersOf"/> · <@layout.date page.date/><#else><@layout.t "latestPapers"/> · <@layout.date page.date/></#if></h1>
<#else>
<h1><@layout.t "latestPapers"/></h1>
</#if>
<#if page.channels?has_content>
<p class="meta"><@layout.n page.papers "Paper"/> · <@layout.n page.channels?size "Channel"/> · <a href="${page.monthUrl}"><@layout.t "calendarOfMonth"/></a></p>
<#if page.channels?size gt 1>
<nav class="channel-jump" <@layout.label "channelsOfDay"/>>
<ul>
<#list page.channels as c><li><a href="#${c.anchor}"><#if c.channel?has_content>${c.channel}<#else><@layout.worded c.digestTitle/></#if></a> <span class="meta">${c.total?c}</span></li></#list>
</ul>
</nav>
</#if>
<#list page.channels as c>
<section class="channel-day" id="${c.anchor}" aria-labelledby="${c.anchor}-h">
<h2 id="${c.anchor}-h"><#if c.channel?has_content>${c.channel}<#else><@layout.worded c.digestTitle/></#if> <span class="meta"><@layout.n c.total "Paper"/></span></h2>
<#if c.entries?has_content>
<ol class="entries">
<#list c.entries as e>
<#-- The TL;DRs on the front page only (the latest day): an older day lists its channels' first titles, and one
     click on its digest gives every entry with its TL;DR (3.4 MB of day pages on the shared corpus, docs/BENCHMARKS.md). -->
<li><h3><a href="${e.paperUrl}"><#if e.titleZh?has_content><span lang="zh-Hans">${e.titleZh}</span></#if><span lang="en">${e.titleEn}</span></a></h3>
<#if !page.newerUrl?has_content><#if e.tldrZh?has_content><p lang="zh-Hans">${e.tldrZh}</p><#elseif e.tldrEn?has_content><p lang="en">${e.tldrEn}</p></#if></#if></li>
</#list>
</ol>
</#if>
<p class="more"><a href="${c.digestUrl}"><#if c.total gt c.entries?size><@layout.t "allPapersOf"/><#else><@layout.t "theDigest"/></#if><@layout.worded c.digestTitle/></a></p>
</section>
</#list>
<#else>
<p class="empty"><@layout.t "noDigests"/> <a href="${site.archive}"><@layout.t "archive"/></a></p>
</#if>
<#if page.newerUrl?has_content || page.olderUrl?has_content>
<nav class="pager" <@layout.label "otherDays"/>>
<#if page.newerUrl?has_content><a rel="prev" href="${page.newerUrl}">← <@layout.t "newer"/>: <@layout.date page.newerDate/></a></#if>
<#if page.olderUrl?has_content><a rel="next" href="${page.olderUrl}"><@layout.t "older"/>: <@layout.date page.olderDate/> →</a></#if>
</nav>
</#if>
</#if>
</@layout.page>
