<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<@layout.page ; part>
<#if part == "main">
<h1><@layout.worded page.heading/></h1>
<#if page.weeks?has_content>
<table class="calendar">
<caption><@layout.t "papersPerDay"/></caption>
<thead><tr><#list ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as d><th scope="col"><@layout.t d/></th></#list></tr></thead>
<tbody>
<#list page.weeks as week>
<tr><#list week as c><#if c.day == 0><td></td><#elseif c.url?has_content><td class="has-papers"><a href="${c.url}"><span class="day">${c.day?c}</span> <span class="count"><@layout.n c.papers "Paper"/></span></a></td><#else><td><span class="day">${c.day?c}</span></td></#if></#list></tr>
</#list>
</tbody>
</table>
</#if>
<#if page.digests?has_content>
<@layout.digestList page.digests/>
<#else>
<p class="empty"><@layout.t "noDigests"/></p>
</#if>
</#if>
</@layout.page>
