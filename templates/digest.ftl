<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<@layout.page ; part>
<#if part == "main">
<article class="digest">
<h1>${page.digest.title}</h1>
<p class="meta"><#if page.digest.date?has_content><time datetime="${page.digest.date}">${page.digest.date}</time><#else>Undated digest</#if><#if page.digest.channel?has_content> · <a href="${page.digest.channelUrl}">${page.digest.channel}</a></#if> · ${layout.count(page.digest.papers, "paper", "papers")}</p>
<#if page.entries?has_content || page.others?has_content>
<ol class="entries">
<#list page.entries as e>
<li class="entry">
<h2><a href="${e.paperUrl}"><#if e.titleZh?has_content><span class="title-zh">${e.titleZh}</span></#if><span class="title-en" lang="en">${e.titleEn}</span></a></h2>
<#if e.tldrZh?has_content><p class="tldr">${e.tldrZh}</p></#if>
<#if e.tldrEn?has_content><p class="tldr" lang="en">${e.tldrEn}</p></#if>
<p class="meta"><a href="${e.paperUrl}">arXiv:${e.id}</a></p>
</li>
</#list>
<#list page.others as o>
<li class="entry unlinked">
<h2><#if o.titleZh?has_content><span class="title-zh">${o.titleZh}</span></#if><span class="title-en" lang="en">${o.titleEn}</span></h2>
<#if o.tldrZh?has_content><p class="tldr">${o.tldrZh}</p></#if>
<p class="meta">No arXiv link<#if o.url?has_content> · <a href="${o.url}" rel="nofollow noopener">source</a><#elseif o.urlText?has_content> · <span class="source-text">${o.urlText}</span></#if></p>
</li>
</#list>
</ol>
<#else>
<p class="empty">This digest lists no papers.</p>
</#if>
<nav class="pager" aria-label="Neighbouring digests">
<#if page.previous??><a rel="prev" href="${page.previous.url}">← ${page.previous.title}</a></#if>
<#if page.next??><a rel="next" href="${page.next.url}">${page.next.title} →</a></#if>
</nav>
</article>
</#if>
</@layout.page>
