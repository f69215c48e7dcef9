<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<@layout.page ; part>
<#if part == "main">
<h1>${page.heading}</h1>
<#if page.weeks?has_content>
<table class="calendar">
<caption>Papers per day</caption>
<thead><tr><#list ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as d><th scope="col">${d}</th></#list></tr></thead>
<tbody>
<#list page.weeks as week>
<tr><#list week as c><#if c.day == 0><td></td><#elseif c.url?has_content><td class="has-papers"><a href="${c.url}"><span class="day">${c.day?c}</span> <span class="count">${layout.count(c.papers, "paper", "papers")}</span></a></td><#else><td><span class="day">${c.day?c}</span></td></#if></#list></tr>
</#list>
</tbody>
</table>
</#if>
<#if page.digests?has_content>
<@layout.digestList page.digests/>
<#else>
<p class="empty">This archive has no digests yet. Put digest files in <code>content/</code> and build again.</p>
</#if>
<#if page.pager?? && page.pager.pages gt 1>
<nav class="pager" aria-label="Pages">
<#if page.pager.previousUrl?has_content><a rel="prev" href="${page.pager.previousUrl}">← Newer</a></#if>
<span>Page ${page.pager.page?c} of ${page.pager.pages?c}</span>
<#if page.pager.nextUrl?has_content><a rel="next" href="${page.pager.nextUrl}">Older →</a></#if>
</nav>
</#if>
</#if>
</@layout.page>
