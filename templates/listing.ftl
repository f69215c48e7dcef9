<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<@layout.page ; part>
<#if part == "main">
<h1>${page.heading}</h1>
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
