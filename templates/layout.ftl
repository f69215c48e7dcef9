<#ftl output_format="HTML" strip_whitespace=true>
<#-- The page shell. Everything from a digest is escaped by the HTML output format; no inline script or style, so the CSP below can forbid both. -->
<#macro page bodyClass="" ogType="website">
<!DOCTYPE html>
<html lang="${site.htmlLang}" data-ui="${site.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<#-- Said once: every byte here is paid by 26,000 pages (docs/BENCHMARKS.md, "Bytes per paper"). No referrer meta:
     strict-origin-when-cross-origin is what Chromium, Firefox and Safari do by default. script-src, style-src,
     connect-src and img-src fall back to default-src 'self' (CSP3), which allows no inline script or style;
     data: images are the one addition. base-uri and form-action have no fallback. -->
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'">
<#-- Read by search.js on the search page and by `serve` from the home page (serve.BasePath); other scripts take
     their base from their own URL. -->
<#if bodyClass == "search" || path == ""><meta name="paperbake-base" content="${site.base}"></#if>
<title<#if altTitle?has_content> data-alt="${altTitle} · ${site.name}"</#if>>${title} · ${site.name}</title>
<#if description?has_content><meta name="description" content="${description}"></#if>
<#-- A 404 is served at any address (with status 404, which keeps it out of indexes): no canonical. -->
<#if path != "404.html" && site.absoluteBase?has_content><link rel="canonical" href="${site.absoluteBase}${path}">
<meta property="og:url" content="${site.absoluteBase}${path}"></#if>
<#-- Said once (every paper page pays for each copy). X falls back from twitter:title/twitter:description to
     og:title/og:description (documented: developer.x.com/cards/markup). Facebook, LinkedIn, Slack and Discord take
     <meta name="description"> when og:description is absent (their observed fallback, not a documented contract);
     it is the text og:description would repeat. No image, so nothing else to say. -->
<meta property="og:type" content="${ogType}">
<meta property="og:title" content="${title}">
<meta property="og:site_name" content="${site.name}">
<meta name="twitter:card" content="summary">
<#-- No color-scheme meta: site.css sets it on :root, and the stylesheet blocks the first paint anyway. -->
<#-- The search page's requests that need not wait for the blocking script below (preloads, a module script,
     which runs after parsing anyway): a shared search link's first query starts sooner. -->
<#if bodyClass == "search"><#nested "early"></#if>
<#-- Blocking on purpose, and first of the page's own: it sets the saved theme before anything is painted (no flash). -->
<script src="${site.themeJs}"></script>
<link rel="stylesheet" href="${site.css}">
<link rel="icon" href="${site.icon}">
<#-- topics/feeds: the page's Atom feed, when it has one (paperbake.render.FeedPlan) -->
<#if pageFeed??><link rel="alternate" type="application/atom+xml" href="${pageFeed.url}" title="${pageFeed.title}"></#if>
<#nested "head">
</head>
<body<#if bodyClass?has_content> class="${bodyClass}"</#if>>
<header class="site-header">
<#-- The one unnamed navigation landmark of a page: every other nav (pager, channels of a day) has a name. -->
<nav class="site-nav">
<a href="${site.home}">${site.name}</a>
<a href="${site.archive}"><@t "archive"/></a>
<a href="${site.channels}"><@t "channels"/></a>
</nav>
<#-- The search box (form.site-search), made by theme.js, which runs before the body is parsed: it is there at the
     first paint. Without scripts the search page cannot search, so no box leads there, and no page carries its
     ~220 bytes (5.3 MB of the whole shared corpus's site: docs/BENCHMARKS.md, "Bytes per paper"). -->
<pb-search></pb-search>
<#-- The theme and language pickers are made by theme.js, the script that makes them work: without scripts
     there is nothing to switch (the system theme and the site's language apply), and no page carries them unused. -->
</header>
<main>
<#nested "main">
</main>
<footer><@t "footer"/></footer>
</body>
</html>
</#macro>

<#-- The site's own words, in the site's language only (labels come from paperbake.render.Labels): theme.js holds
     the table too and puts the other language in when the reader picks it, before the first paint. <l-> marks a
     label for it (a short custom element: a page may carry dozens), with its key where its text is another label's too
     ("频道": Channel or Channels). A label carries no lang: it is always in
     <html lang>'s language (theme.js sets both), so it must never sit inside an element with a lang of its own. -->
<#macro t key><@l key ui[key][site.lang]/></#macro>

<#-- Label key's words as a page shows them: text. zhShared/enShared is a property, not Labels.Label.keyed(lang): a
     method call per label on every page costs more than a read. -->
<#macro l key text><l-<#if ui[key][site.lang + "Shared"]> k="${key}"</#if>>${text}</l-></#macro>

<#-- A render.Views.Title: a digest's own words as they are, or words Paperbake made from a label, as that label. -->
<#macro worded w><#if w.key?has_content><@l w.key w.text/><#else>${w.text}</#if></#macro>

<#-- A label with numbers in it ("第 {0} 页，共 {1} 页"), given in order (names: a render.Views.Title). -->
<#macro f key numbers><#local s = ui[key][site.lang]><#list numbers as x><#local s = s?replace("{" + x?index + "}", x?c)></#list><@l key s/></#macro>

<#-- An accessible name in the site's language, with the other language's for theme.js to switch to. -->
<#macro label key>aria-label="${ui[key][site.lang]}" data-alt="${ui[key][(site.lang == "en")?then("zh", "en")]}"</#macro>

<#-- Text that cannot hold elements (an <option>): the site's language, and the other for theme.js. -->
<#macro text key>data-alt="${ui[key][(site.lang == "en")?then("zh", "en")]}"</#macro>

<#-- "3 篇论文" / "1 paper", "2 papers". -->
<#macro n count unit><#local u = ui["unit" + unit]><l->${count?c} <#if site.lang == "en">${(count == 1)?then(u.en?keep_before("|"), u.en?keep_after("|"))}<#else>${u.zh}</#if></l-></#macro>

<#-- An ISO date as "2026年8月1日" or "1 Aug 2026", without the JVM's locale; theme.js writes it in the other
     language from its datetime. -->
<#macro date iso><#if iso?matches("\\d{4}-\\d{2}-\\d{2}")><#local p = iso?split("-")><time datetime="${iso}"><#if site.lang == "en">${p[2]?number?c} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][p[1]?number - 1]} ${p[0]}<#else>${p[0]}年${p[1]?number?c}月${p[2]?number?c}日</#if></time><#else>${iso}</#if></#macro>

<#macro digestList digests>
<ol class="digest-list">
<#list digests as d>
<li><a href="${d.url}"><@worded d.title/></a>
<span class="meta"><@n d.papers "Paper"/><#if d.date?has_content && !d.title.text?contains(d.date)> · <@date d.date/></#if></span></li>
</#list>
</ol>
</#macro>
