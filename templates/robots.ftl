<#ftl output_format="plainText">
User-agent: *
Allow: /

Sitemap: ${page.sitemap}
