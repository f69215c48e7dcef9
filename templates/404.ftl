<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<@layout.page ; part>
<#if part == "main">
<h1><@layout.t "notFound"/></h1>
<p><@layout.t "notFoundText"/> <a href="${site.home}"><@layout.t "latestPapers"/></a> · <a href="${site.archive}"><@layout.t "archive"/></a> · <a href="${site.search}"><@layout.t "search"/></a></p>
</#if>
</@layout.page>
