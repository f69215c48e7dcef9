<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<@layout.page ogType="article" ; part>
<#if part == "head">
<#-- Data for search engines, not script: the CSP leaves it alone; < > & are \u-escaped in it, so it cannot end this element. -->
<script type="application/ld+json">${page.jsonLd?no_esc}</script>
<#if page.math><script type="module" src="${site.base}js/math.js"></script></#if>
</#if>
<#if part == "main">
<article class="paper" data-tex>
<header>
<#if page.titleZh?has_content><h1 class="title-zh" lang="zh-Hans">${page.titleZh}</h1><p class="title-en" lang="en">${page.titleEn}</p><#else><h1 class="title-en" lang="en">${page.titleEn}</h1></#if>
<p class="meta">arXiv:${page.id}<#if page.version gt 0>v${page.version?c}</#if><#if page.category?has_content> · <span class="category">${page.category}</span></#if> · <a href="${page.absUrl}"><@layout.t "abstractLink"/></a> · <a href="${page.pdfUrl}">PDF</a></p>
</header>
<#if page.tldrZh?has_content || page.tldrEn?has_content>
<section class="tldr">
<h2>TL;DR</h2>
<#if page.tldrZh?has_content><p lang="zh-Hans">${page.tldrZh}</p></#if>
<#if page.tldrEn?has_content><p lang="en">${page.tldrEn}</p></#if>
</section>
</#if>
<#if page.abstractZh?has_content>
<#-- lang on the text, not the section: the section holds UI labels, which must take <html lang>'s language -->
<section class="abstract">
<h2 lang="zh-Hans">摘要</h2>
<p lang="zh-Hans">${page.abstractZh}</p>
<#if page.abstractZhTruncated><p class="truncated"><@layout.t "truncated"/></p></#if>
</section>
</#if>
<#if page.abstractEn?has_content>
<section class="abstract">
<h2><@layout.t "abstract"/></h2>
<p lang="en">${page.abstractEn}</p>
<#if page.abstractEnTruncated><p class="truncated"><@layout.t "truncated"/> <a href="${page.absUrl}"><@layout.t "fullAbstractOn"/></a></p></#if>
</section>
</#if>
<section class="appearances">
<h2><@layout.t "appearedIn"/></h2>
<ul>
<#list page.appearances as a>
<li><a href="${a.url}"><#if a.channel?has_content>${a.channel} · </#if><#if a.date.key?has_content><@layout.worded a.date/><#else><@layout.date a.date.text/></#if></a><#if a.announceType?has_content> <span class="announce"><#if a.announceKey?has_content><@layout.t a.announceKey/><#else>${a.announceType}</#if></span></#if></li>
</#list>
</ul>
</section>
<#if page.appearances?size gt 1 && page.sources?has_content>
<#-- Which listing gave which field; when one listing gave them all, naming the fields says nothing more. -->
<p class="sources"><@layout.t "takenFrom"/> <#list page.sources as s><a href="${s.url}"><@layout.worded s.digest/></a> (<@layout.f key="lineN" numbers=[s.line]/>)<#if page.sources?size gt 1>: <#list s.fields as f><@layout.worded f/><#sep>, </#list></#if><#sep>; </#list></p>
</#if>
<#-- topics and related papers (paperbake.index.Topics, Related). On every paper page, so each block is
     one line of markup; their Chinese names and titles say so (lang on the list), as a page in the
     English UI is lang="en" -->
<#if page.topics?has_content>
<section class="paper-topics"><h2><@layout.t "topics"/></h2><ul lang="zh-Hans"><#list page.topics as t><li><a href="${t.url}">${t.nameZh}<#if t.nameEn?has_content> · <span lang="en">${t.nameEn}</span></#if></a></li></#list></ul></section>
</#if>
<#if page.related?has_content>
<#-- one title each (Chinese when there is one) -->
<section class="related"><h2><@layout.t "relatedPapers"/></h2><ul lang="zh-Hans"><#list page.related as r><li><#if r.titleZh?has_content><a href="${r.paperUrl}">${r.titleZh}</a><#else><a href="${r.paperUrl}" lang="en">${r.titleEn}</a></#if></li></#list></ul></section>
</#if>
<#-- end topics and related papers -->
</article>
</#if>
</@layout.page>
