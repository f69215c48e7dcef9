<#ftl output_format="HTML" strip_whitespace=true>
<#-- A day's papers across channels: the home page is the latest day, days/YYYY-MM-DD/ the others. -->
<#import "layout.ftl" as layout>
<@layout.page bodyClass="day" ; part>
<#if part == "main">
<h1>${page.heading}</h1>
<#if page.channels?has_content>
<p class="meta">${layout.count(page.papers, "paper", "papers")} in ${layout.count(page.channels?size, "channel", "channels")} · <a href="${page.monthUrl}">calendar of the month</a></p>
<#if page.channels?size gt 1>
<nav class="channel-jump" aria-label="Channels of the day">
<ul>
<#list page.channels as c><li><a href="#${c.anchor}"><#if c.channel?has_content>${c.channel}<#else>${c.digestTitle}</#if></a> <span class="meta">${c.total?c}</span></li></#list>
</ul>
</nav>
</#if>
<#list page.channels as c>
<section class="channel-day" id="${c.anchor}" aria-labelledby="${c.anchor}-h">
<h2 id="${c.anchor}-h"><#if c.channel?has_content>${c.channel}<#else>${c.digestTitle}</#if> <span class="meta">${layout.count(c.total, "paper", "papers")}</span></h2>
<#if c.entries?has_content>
<ol class="entries">
<#list c.entries as e>
<li class="entry">
<h3><a href="${e.paperUrl}"><#if e.titleZh?has_content><span class="title-zh" lang="zh-Hans">${e.titleZh}</span></#if><span class="title-en" lang="en">${e.titleEn}</span></a></h3>
<#if e.tldrZh?has_content><p class="tldr" lang="zh-Hans">${e.tldrZh}</p><#elseif e.tldrEn?has_content><p class="tldr" lang="en">${e.tldrEn}</p></#if>
</li>
</#list>
</ol>
</#if>
<p class="more"><a href="${c.digestUrl}"><#if c.total gt c.entries?size>All ${c.total?c} papers of ${c.digestTitle}<#else>The digest: ${c.digestTitle}</#if></a></p>
</section>
</#list>
<#else>
<p class="empty">This archive has no dated digests yet. Put digest files in <code>content/</code> and build again, or see the <a href="${site.archive}">archive</a>.</p>
</#if>
<#if page.newerUrl?has_content || page.olderUrl?has_content>
<nav class="pager" aria-label="Other days">
<#if page.newerUrl?has_content><a rel="prev" href="${page.newerUrl}">← Newer: ${page.newerDate}</a></#if>
<#if page.olderUrl?has_content><a rel="next" href="${page.olderUrl}">Older: ${page.olderDate} →</a></#if>
</nav>
</#if>
</#if>
</@layout.page>
