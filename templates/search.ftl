<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<@layout.page ; part>
<#if part == "main">
<h1>Search</h1>
<p class="empty">Search arrives with the search index.</p>
</#if>
</@layout.page>
