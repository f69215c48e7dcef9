<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#import "trend.ftl" as trend>
<@layout.page ; part>
<#if part == "head">
<link rel="stylesheet" href="${site.base}css/topics.css">
</#if>
<#if part == "main">
<#assign t = page.summary.topic>
<article class="topic-page" data-slug="${t.slug}">
<h1><span class="topic-zh" lang="zh-Hans">${t.nameZh}</span><#if t.nameEn?has_content> <span class="topic-en" lang="en">${t.nameEn}</span></#if></h1>
<#if page.summary.description?has_content><p class="topic-description">${page.summary.description}</p></#if>
<p class="meta"><span class="topic-count" data-count="${t.papers?c}"><@layout.n t.papers "Paper"/></span> · <a href="${page.searchUrl}"><@layout.t "searchInTopic"/></a><#if page.feedUrl?has_content> · <a href="${page.feedUrl}" type="application/atom+xml"><@layout.t "atomFeed"/></a></#if></p>
<#-- the trend once, on the first page: later pages are the same topic further back -->
<#if page.pager.page == 1>
<figure class="topic-trend">
<@trend.chart page.summary.trend "trend"/>
<figcaption>
<details><summary><@layout.t "papersPerMonth"/></summary>
<table class="trend-table"><thead><tr><th scope="col"><@layout.t "month"/></th><th scope="col"><@layout.t "paperCount"/></th></tr></thead><tbody>
<#list page.summary.trend.bars as b><#if b.count gt 0><tr><td>${b.month}</td><td>${b.count?c}</td></tr></#if></#list>
<#if page.summary.trend.undated gt 0><tr><td><@layout.t "undated"/></td><td>${page.summary.trend.undated?c}</td></tr></#if>
</tbody></table>
</details>
</figcaption>
</figure>
</#if>
<#if page.months?has_content>
<#list page.months as m>
<section class="topic-month">
<h2><#if m.label?has_content>${m.label}<#else><@layout.t "undated"/></#if></h2>
<ol class="topic-entries" lang="zh-Hans">
<#list m.entries as e>
<#-- one line of markup per paper: the list repeats every member of the topic
     (the English title in <i>: a title in another language). The TL;DR only on
     the first page (the topic's newest papers): further back the list is an index of titles, and each
     paper's page has its TL;DR; on cs.CL's 30 topics that is 0.3 KB of every paper's share of the site. -->
<li><a href="${e.url}"><#if e.titleZh?has_content>${e.titleZh}<#else><span lang="en">${e.titleEn}</span></#if></a><#if e.titleZh?has_content && e.titleEn?has_content><i lang="en">${e.titleEn}</i></#if><#if page.pager.page == 1><#if e.tldrZh?has_content><p>${e.tldrZh}</p><#elseif e.tldrEn?has_content><p lang="en">${e.tldrEn}</p></#if></#if><small><#if e.date?has_content><time>${e.date}</time><#if e.channel?has_content> · </#if></#if>${e.channel!}</small></li>
</#list>
</ol>
</section>
</#list>
<#else>
<p class="empty"><@layout.t "noTopicPapers"/></p>
</#if>
<#if page.pager.pages gt 1>
<nav class="pager" <@layout.label "pages"/>>
<#if page.pager.previousUrl?has_content><a rel="prev" href="${page.pager.previousUrl}">← <@layout.t "newer"/></a></#if>
<span><@layout.f key="pageOf" numbers=[page.pager.page, page.pager.pages]/></span>
<#if page.pager.nextUrl?has_content><a rel="next" href="${page.pager.nextUrl}"><@layout.t "older"/> →</a></#if>
</nav>
</#if>
</article>
</#if>
</@layout.page>
