<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#import "trend.ftl" as trend>
<@layout.page ; part>
<#if part == "head">
<link rel="stylesheet" href="${site.base}css/topics.css">
</#if>
<#if part == "main">
<h1><@layout.t "topics"/></h1>
<ul class="topics">
<#list page.topics as t>
<li class="topic" data-slug="${t.topic.slug}">
<a href="${t.topic.url}"><span class="topic-zh" lang="zh-Hans">${t.topic.nameZh}</span><#if t.topic.nameEn?has_content> <span class="topic-en" lang="en">${t.topic.nameEn}</span></#if></a>
<span class="meta topic-count" data-count="${t.topic.papers?c}"><@layout.n t.topic.papers "Paper"/></span>
<@trend.chart t.trend "trend-" + t.topic.slug/>
</li>
</#list>
</ul>
</#if>
</@layout.page>
