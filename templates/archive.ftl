<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<@layout.page ; part>
<#if part == "main">
<h1>Archive</h1>
<#list page.years as year>
<section class="year">
<h2>${year.year}</h2>
<ul class="months">
<#list year.months as m>
<li><a href="${m.url}">${m.label}</a> <span class="meta">${layout.count(m.digests, "digest", "digests")} · ${layout.count(m.papers, "entry", "entries")}</span></li>
</#list>
</ul>
</section>
</#list>
<#if page.undated gt 0>
<p><a href="${page.undatedUrl}">Undated digests</a> <span class="meta">${page.undated?c}</span></p>
</#if>
</#if>
</@layout.page>
