<#ftl output_format="XML" strip_whitespace=true>
<#-- sitemap.xml is the index of the files under sitemaps/ (at most 50,000 URLs each, the protocol's limit). -->
<?xml version="1.0" encoding="UTF-8"?>
<#if page.files?has_content>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<#list page.files as f>
<sitemap><loc>${f}</loc></sitemap>
</#list>
</sitemapindex>
<#else>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<#list page.urls as u>
<url><loc>${u}</loc></url>
</#list>
</urlset>
</#if>
