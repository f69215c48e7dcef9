<#-- The search page body. Standalone for now; the layout (header, footer, site.css) wraps it on merge.
     Needs: base (site base URL ending with "/"). No inline script or style: the CSP is script-src 'self'. -->
<#assign base = (base!"/")>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="paperbake-base" content="${base}">
<title>Search</title>
<link rel="stylesheet" href="${base}css/site.css">
<link rel="stylesheet" href="${base}css/search.css">
<script type="module" src="${base}js/site.js"></script>
<script type="module" src="${base}js/search.js"></script>
</head>
<body>
<main id="search-page">
  <h1>Search</h1>
  <form id="search-form" class="search-form" action="${base}search/" role="search">
    <label class="search-q-label">Search papers
      <input id="search-q" type="search" name="q" autocomplete="off" spellcheck="false" enterkeyhint="search"
             placeholder="LLM 幻觉, retrieval augmented generation…" aria-controls="search-results" autofocus>
    </label>
    <label>Channel
      <select id="search-channel" name="channel"><option value="">All</option></select>
    </label>
    <label>From <input id="search-from" type="date" name="from"></label>
    <label>To <input id="search-to" type="date" name="to"></label>
    <label>Sort
      <select id="search-sort" name="sort">
        <option value="relevance">Relevance</option>
        <option value="newest">Newest</option>
      </select>
    </label>
  </form>
  <p id="search-status" role="status" aria-live="polite"></p>
  <ol id="search-results" class="search-results" role="listbox" aria-label="Search results" data-state="idle"></ol>
  <button id="search-more" type="button" hidden>More results</button>
  <noscript><p>Search needs JavaScript. Every paper is also listed on its digest pages.</p></noscript>
</main>
</body>
</html>
