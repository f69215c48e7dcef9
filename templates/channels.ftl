<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<@layout.page ; part>
<#if part == "main">
<h1>Channels</h1>
<#if page.channels?has_content>
<ul class="channels">
<#list page.channels as c>
<li><a href="${c.url}">${c.name}</a> <span class="meta">${layout.count(c.digests, "digest", "digests")}<#if c.first?has_content> · ${c.first} – ${c.last}</#if></span></li>
</#list>
</ul>
<#else>
<p class="empty">All digests of this archive are in one folder, without channels.</p>
</#if>
</#if>
</@layout.page>
