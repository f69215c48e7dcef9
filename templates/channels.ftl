<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<@layout.page ; part>
<#if part == "main">
<h1><@layout.t "channels"/></h1>
<#if page.channels?has_content>
<ul class="channels">
<#list page.channels as c>
<li><a href="${c.url}">${c.name}</a> <span class="meta"><@layout.n c.digests "Digest"/><#if c.first?has_content> · <@layout.date c.first/> – <@layout.date c.last/></#if></span></li>
</#list>
</ul>
<#else>
<p class="empty"><@layout.t "noChannels"/></p>
</#if>
</#if>
</@layout.page>
