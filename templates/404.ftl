<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<@layout.page ; part>
<#if part == "main">
<h1>Not found</h1>
<p>There is no page at this address. Try the <a href="${site.home}">latest digests</a>, the <a href="${site.archive}">archive</a> or <a href="${site.search}">search</a>.</p>
</#if>
</@layout.page>
