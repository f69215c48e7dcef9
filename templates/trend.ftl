<#ftl output_format="HTML" strip_whitespace=true>
<#-- Papers per month as SVG bars, positions computed at build time (paperbake.render.TrendChart).
     No script, no style attribute (the CSP forbids inline style): the bars take the text colour via CSS. -->
<#-- a month without papers has no bar: its slot stays empty -->
<#macro chart trend id>
<svg class="trend" viewBox="0 0 ${trend.width?c} ${trend.height?c}" preserveAspectRatio="none" role="img" aria-labelledby="${id}" data-undated="${trend.undated?c}">
<title id="${id}" data-alt="${trend.altLabel}">${trend.label}</title>
<#list trend.bars as b><rect class="bar" x="${b.x?c}" y="${b.y?c}" width="${b.width?c}" height="${b.height?c}" data-count="${b.count?c}"><title>${b.month}: ${b.count?c}</title></rect></#list>
</svg>
</#macro>
