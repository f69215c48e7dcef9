package paperbake.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import paperbake.index.Json;
import paperbake.model.Appearance;
import paperbake.model.Paper;

/**
 * A paper page's schema.org {@code ScholarlyArticle}, for search engines. It sits in a
 * {@code <script type="application/ld+json">} block, which the CSP leaves alone (data, not script),
 * but which HTML ends at the first {@code </script>}: so it is written with the search index's
 * escapes ({@code < > &} as {@code \\u003C}...), and the template places it unescaped. It names the
 * paper and where it is, and leaves the text (the abstract) to the page itself.
 */
final class JsonLd {

    private final Json json = new Json();

    /** @param url the page's absolute URL, or its path when the base URL has no host */
    String scholarlyArticle(Paper p, String url) {
        byte[] bytes = json.write(g -> {
            g.writeStartObject();
            g.writeStringField("@context", "https://schema.org");
            g.writeStringField("@type", "ScholarlyArticle");
            String name = p.titleEn().isEmpty() ? p.titleZh() : p.titleEn();
            if (!name.isEmpty()) {
                g.writeStringField("name", name);
            }
            if (!p.titleEn().isEmpty() && !p.titleZh().isEmpty()) {
                g.writeStringField("alternateName", p.titleZh());
            }
            // No "abstract": the page shows it, crawlers read the page, and a second copy was about a
            // kilobyte on every paper page (issue #14's byte budget; schema.org does not require it).
            writeLanguages(g, p);
            g.writeObjectFieldStart("identifier");
            g.writeStringField("@type", "PropertyValue");
            g.writeStringField("propertyID", "arXiv");
            g.writeStringField("value", p.id().value());
            g.writeEndObject();
            g.writeStringField("url", url);
            g.writeStringField("sameAs", p.id().absUrl());
            LocalDate first = firstListed(p);
            if (first != null) {
                g.writeStringField("datePublished", first.toString());
            }
            g.writeEndObject();
        });
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeLanguages(JsonGenerator g, Paper p) throws IOException {
        boolean en = !p.titleEn().isEmpty() || !p.abstractEn().isEmpty();
        boolean zh = !p.titleZh().isEmpty() || !p.abstractZh().isEmpty() || !p.tldrZh().isEmpty();
        if (en && zh) {
            g.writeArrayFieldStart("inLanguage");
            g.writeString("en");
            g.writeString("zh-Hans");
            g.writeEndArray();
        } else if (en || zh) {
            g.writeStringField("inLanguage", en ? "en" : "zh-Hans");
        }
    }

    /** The earliest dated listing: appearances are newest first, so the last dated one. */
    static LocalDate firstListed(Paper p) {
        return p.appearances().stream().map(Appearance::date).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
    }
}
