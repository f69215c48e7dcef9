<#ftl output_format="HTML" strip_whitespace=true>
<#-- The page shell. Everything from a digest is escaped by the HTML output format; no inline script or style, so the CSP below can forbid both. -->
<#macro page bodyClass="" ogType="website">
<!DOCTYPE html>
<html lang="${site.htmlLang}" data-ui="${site.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'">
<meta name="referrer" content="strict-origin-when-cross-origin">
<meta name="paperbake-base" content="${site.base}">
<title>${title} · ${site.name}</title>
<#if description?has_content><meta name="description" content="${description}"></#if>
<#-- A 404 is served at any address (with status 404, which keeps it out of indexes): no canonical. -->
<#if path != "404.html" && site.absoluteBase?has_content><link rel="canonical" href="${site.absoluteBase}${path}">
<meta property="og:url" content="${site.absoluteBase}${path}"></#if>
<meta property="og:type" content="${ogType}">
<meta property="og:title" content="${title}">
<#if description?has_content><meta property="og:description" content="${description}"></#if>
<meta property="og:site_name" content="${site.name}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${title}">
<#if description?has_content><meta name="twitter:description" content="${description}"></#if>
<meta name="color-scheme" content="light dark">
<#-- Blocking on purpose, and first: it sets the saved theme before anything is painted (no flash). -->
<script src="${site.themeJs}"></script>
<link rel="stylesheet" href="${site.css}">
<link rel="icon" href="${site.icon}" type="image/svg+xml">
<script type="module" src="${site.siteJs}"></script>
<#-- topics/feeds: the page's Atom feed, when it has one (paperbake.render.FeedPlan) -->
<#if pageFeed??><link rel="alternate" type="application/atom+xml" href="${pageFeed.url}" title="${pageFeed.title}"></#if>
<#nested "head">
</head>
<body<#if bodyClass?has_content> class="${bodyClass}"</#if>>
<header class="site-header">
<nav class="site-nav" <@label "site"/>>
<a class="brand" href="${site.home}">${site.name}</a>
<a href="${site.archive}"><@t "archive"/></a>
<a href="${site.channels}"><@t "channels"/></a>
</nav>
<#-- On the search page its own form is the search landmark; two with one name confuse screen readers. -->
<form class="site-search" action="${site.search}"<#if bodyClass != "search"> role="search" <@label "siteSearch"/></#if>>
<input type="search" name="q" placeholder="搜索论文 · Search papers (/)" <@label "searchPapers"/> autocomplete="off">
</form>
<#-- Shown by theme.js: without scripts there is nothing to switch; the system theme and the site's language apply. -->
<div class="pickers" hidden>
<label class="picker"><@t "theme"/>
<select id="theme-select">
<option value="system" <@text "themeSystem"/>>${ui.themeSystem[site.lang]}</option>
<option value="light" <@text "themeLight"/>>${ui.themeLight[site.lang]}</option>
<option value="dark" <@text "themeDark"/>>${ui.themeDark[site.lang]}</option>
</select>
</label>
<label class="picker"><@t "language"/>
<select id="ui-select">
<option value="zh" lang="zh-Hans">中文</option>
<option value="en" lang="en">English</option>
</select>
</label>
</div>
</header>
<main>
<#nested "main">
</main>
<footer class="site-footer">
<p><@t "footer"/></p>
</footer>
</body>
</html>
</#macro>

<#-- The site's own words in both UI languages: CSS shows the one <html data-ui> names (labels come from paperbake.render.Labels). -->
<#macro t key><span class="ui-zh" lang="zh-Hans">${ui[key].zh}</span><span class="ui-en" lang="en">${ui[key].en}</span></#macro>

<#-- An accessible name in the site's language, with both for theme.js to switch. -->
<#macro label key>aria-label="${ui[key][site.lang]}" data-label-zh="${ui[key].zh}" data-label-en="${ui[key].en}"</#macro>

<#-- Text that cannot hold elements (an <option>): switched by theme.js. -->
<#macro text key>data-text-zh="${ui[key].zh}" data-text-en="${ui[key].en}"</#macro>

<#-- "3 篇论文" / "1 paper", "2 papers". -->
<#macro n count unit><#local u = ui["unit" + unit]><span class="ui-zh" lang="zh-Hans">${count?c} ${u.zh}</span><span class="ui-en" lang="en">${count?c} ${(count == 1)?then(u.en?keep_before("|"), u.en?keep_after("|"))}</span></#macro>

<#-- An ISO date as "2026年8月1日" / "1 Aug 2026", without the JVM's locale. -->
<#macro date iso><#if iso?matches("\\d{4}-\\d{2}-\\d{2}")><#local p = iso?split("-")><time datetime="${iso}"><span class="ui-zh" lang="zh-Hans">${p[0]}年${p[1]?number?c}月${p[2]?number?c}日</span><span class="ui-en" lang="en">${p[2]?number?c} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][p[1]?number - 1]} ${p[0]}</span></time><#else>${iso}</#if></#macro>

<#macro digestList digests>
<ol class="digest-list">
<#list digests as d>
<li><a href="${d.url}">${d.title}</a>
<span class="meta"><@n d.papers "Paper"/><#if d.date?has_content && !d.title?contains(d.date)> · <@date d.date/></#if></span></li>
</#list>
</ol>
</#macro>

<#-- "1 paper", "2 papers", in English only: the topic pages' counts (their labels are not in Labels yet). -->
<#function count n one many>
<#return n?c + " " + (n == 1)?then(one, many)>
</#function>
