<#ftl output_format="HTML" strip_whitespace=true>
<#-- The page shell. Everything from a digest is escaped by the HTML output format; no inline script or style, so the CSP below can forbid both. -->
<#macro page bodyClass="">
<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'">
<meta name="referrer" content="strict-origin-when-cross-origin">
<meta name="paperbake-base" content="${site.base}">
<title>${title} · ${site.name}</title>
<link rel="stylesheet" href="${site.css}">
<link rel="icon" href="${site.icon}" type="image/svg+xml">
<script type="module" src="${site.siteJs}"></script>
<#-- topics/feeds: the page's Atom feed, when it has one (paperbake.render.FeedPlan) -->
<#if pageFeed??><link rel="alternate" type="application/atom+xml" href="${pageFeed.url}" title="${pageFeed.title}"></#if>
<#nested "head">
</head>
<body<#if bodyClass?has_content> class="${bodyClass}"</#if>>
<header class="site-header">
<nav class="site-nav">
<a class="brand" href="${site.home}">${site.name}</a>
<a href="${site.archive}">Archive</a>
<a href="${site.channels}">Channels</a>
</nav>
<form class="site-search" action="${site.search}" role="search">
<input type="search" name="q" placeholder="Search papers · 搜索论文 (/)" aria-label="Search papers" autocomplete="off">
</form>
</header>
<main>
<#nested "main">
</main>
<footer class="site-footer">
<p>Built with Paperbake from arXiv digests. Summaries are machine-written; follow the arXiv links for the papers themselves.</p>
</footer>
</body>
</html>
</#macro>

<#-- "1 paper", "2 papers": counts read as English. -->
<#function count n one many>
<#return n?c + " " + (n == 1)?then(one, many)>
</#function>

<#macro digestList digests>
<ol class="digest-list">
<#list digests as d>
<li><a href="${d.url}">${d.title}</a>
<span class="meta">${count(d.papers, "paper", "papers")}<#if d.date?has_content && !d.title?contains(d.date)> · <time datetime="${d.date}">${d.date}</time></#if></span></li>
</#list>
</ol>
</#macro>
