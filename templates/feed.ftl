<#ftl output_format="XML" strip_whitespace=true>
<?xml version="1.0" encoding="utf-8"?>
<#-- An Atom 1.0 feed (RFC 4287), built by paperbake.render.FeedPlan: absolute URLs, listing dates, no build time. -->
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${page.id}</id>
<title>${page.title}</title>
<updated>${page.updated}</updated>
<link rel="self" type="application/atom+xml" href="${page.selfUrl}"/>
<link rel="alternate" type="text/html" href="${page.htmlUrl}"/>
<author><name>${page.author}</name></author>
<#list page.entries as e>
<entry>
<id>${e.id}</id>
<title>${e.title}</title>
<link rel="alternate" type="text/html" href="${e.url}"/>
<updated>${e.updated}</updated>
<published>${e.updated}</published>
<#if e.summary?has_content><summary>${e.summary}</summary></#if>
</entry>
</#list>
</feed>
