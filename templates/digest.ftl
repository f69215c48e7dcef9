<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<@layout.page ; part>
<#if part == "head" && page.math><script type="module" src="${site.base}js/math.js"></script></#if>
<#if part == "main">
<article class="digest" data-tex>
<h1><@layout.worded page.digest.title/></h1>
<p class="meta"><#if page.digest.date?has_content><@layout.date page.digest.date/><#else><@layout.t "undatedDigest"/></#if><#if page.digest.channel?has_content> · <a href="${page.digest.channelUrl}">${page.digest.channel}</a></#if> · <@layout.n page.digest.papers "Paper"/></p>
<#if page.entries?has_content || page.others?has_content>
<ol class="entries">
<#list page.entries as e>
<#-- An entry is listed on a digest page for each of its listings (40,481 on the shared corpus): its markup is kept
     to what the reader sees (no class: CSS tells the titles and TL;DR apart by element and lang); the title is the
     one link to the paper page. -->
<li><h2><a href="${e.paperUrl}"><#if e.titleZh?has_content><span lang="zh-Hans">${e.titleZh}</span></#if><span lang="en">${e.titleEn}</span></a></h2>
<#if e.tldrZh?has_content><p lang="zh-Hans">${e.tldrZh}</p></#if><#if e.tldrEn?has_content><p lang="en">${e.tldrEn}</p></#if>
<p class="meta">arXiv:${e.id}</p></li>
</#list>
<#list page.others as o>
<li class="unlinked">
<h2><#if o.titleZh?has_content><span lang="zh-Hans">${o.titleZh}</span></#if><span lang="en">${o.titleEn}</span></h2>
<#if o.tldrZh?has_content><p lang="zh-Hans">${o.tldrZh}</p></#if>
<p class="meta"><@layout.t "noArxivLink"/><#if o.url?has_content> · <a href="${o.url}" rel="nofollow"><@layout.t "source"/></a><#elseif o.urlText?has_content> · <span class="source-text">${o.urlText}</span></#if></p>
</li>
</#list>
</ol>
<#else>
<p class="empty"><@layout.t "noPapers"/></p>
</#if>
<nav class="pager" <@layout.label "neighbours"/>>
<#if page.previous??><a rel="prev" href="${page.previous.url}">← <@layout.worded page.previous.title/></a></#if>
<#if page.next??><a rel="next" href="${page.next.url}"><@layout.worded page.next.title/> →</a></#if>
</nav>
</article>
</#if>
</@layout.page>
