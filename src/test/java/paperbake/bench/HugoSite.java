package paperbake.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import paperbake.model.Appearance;
import paperbake.model.Archive;
import paperbake.model.Digest;
import paperbake.model.Entry;
import paperbake.model.Paper;
import paperbake.render.SafeUrls;

/**
 * Writes the content of a Hugo site for the same archive Paperbake builds (issue #14's side-by-
 * side comparison, {@code scripts/hugo-compare.sh}): the papers and merged fields come from
 * Paperbake's own parse and model stages ({@link Corpus#read}), so both generators publish the
 * same text. One page per paper under {@code content/papers/} and one per digest under
 * {@code content/digests/}, at the same URLs as ours; every field is front matter (YAML,
 * each value a double-quoted scalar) and the bodies are empty, so Hugo's templates (Go's
 * contextual escaping) place the text and no digest text is ever read as Markdown or HTML.
 * The layouts and configuration are files in {@code src/test/resources/bench/hugo/}.
 *
 * <pre>
 * java -cp target/paperbake.jar:target/test-classes paperbake.bench.HugoSite CONTENT_DIR HUGO_SOURCE_DIR
 * </pre>
 */
public final class HugoSite {

    private final Path root;
    private final Set<Path> made = new HashSet<>(); // folders already created

    private HugoSite(Path root) {
        this.root = root;
    }

    public static void main(String[] a) {
        if (a.length != 2) {
            System.err.println("usage: HugoSite CONTENT_DIR HUGO_SOURCE_DIR");
            System.exit(2);
        }
        Archive archive = Corpus.read(Path.of(a[0]));
        HugoSite site = new HugoSite(Path.of(a[1], "content"));
        // Hugo would publish the section lists papers/ and digests/, which our site does not have.
        site.write("papers/_index.md", "---\ntitle: papers\n_build:\n  render: never\n---\n");
        site.write("digests/_index.md", "---\ntitle: digests\n_build:\n  render: never\n---\n");
        site.write("search.md", "---\ntitle: \"搜索 · Search\"\nlayout: search\nurl: /search/\n---\n");
        archive.digests().forEach(site::digest);
        archive.papers().values().forEach(site::paper);
        System.out.printf(Locale.ROOT, "Hugo content: %d paper pages, %d digest pages in %s%n",
                archive.papers().size(), archive.digests().size(), site.root);
    }

    private void digest(Digest d) {
        StringBuilder s = new StringBuilder("---\n");
        String when = d.dated() ? d.date().toString() : d.id().name();
        String title = !d.title().isEmpty() ? d.title()
                : d.channel().isEmpty() ? "摘要 " + when : d.channel() + " · " + when;
        field(s, "", "title", title);
        field(s, "", "url", "/" + d.id().path());
        field(s, "", "channel", d.channel());
        if (d.dated()) {
            // The taxonomy whose URL is archive/: Hugo writes archive/ and archive/YYYY-MM/ as ours.
            s.append("date: ").append(d.date()).append('\n');
            s.append("archive: [").append(yaml(d.date().toString().substring(0, 7))).append("]\n");
        }
        s.append("papers: ").append(d.entries().size() + d.others().size()).append('\n');
        s.append("entries:\n");
        // A digest may list a paper twice; ours links each listing, so does this.
        for (Entry e : d.entries()) {
            field(s, "  - ", "id", e.id().value());
            field(s, "    ", "title_zh", e.titleZh());
            field(s, "    ", "title_en", e.titleEn());
            field(s, "    ", "tldr_zh", e.tldrZh());
            field(s, "    ", "tldr_en", e.tldrEn());
        }
        s.append("others:\n");
        for (Digest.UnlinkedEntry o : d.others()) {
            field(s, "  - ", "title_zh", o.titleZh());
            field(s, "    ", "title_en", o.titleEn());
            field(s, "    ", "tldr_zh", o.tldrZh());
            // As ours: a link only to arxiv.org itself, anything else as text.
            String link = SafeUrls.arxivOrEmpty(o.url());
            field(s, "    ", "url", link);
            field(s, "    ", "url_text", link.isEmpty() && o.url() != null ? o.url() : "");
        }
        String file = d.channel().isEmpty() ? d.id().name() : d.channel() + "/" + d.id().name();
        write("digests/" + file + ".md", s.append("---\n").toString());
    }

    private void paper(Paper p) {
        StringBuilder s = new StringBuilder("---\n");
        field(s, "", "title", p.titleZh().isEmpty() ? p.titleEn() : p.titleZh());
        field(s, "", "url", "/papers/" + p.id().value() + "/");
        field(s, "", "arxiv", p.id().value());
        s.append("version: ").append(p.version()).append('\n');
        field(s, "", "category", p.category());
        field(s, "", "abs_url", p.id().absUrl());
        field(s, "", "pdf_url", p.id().pdfUrl());
        field(s, "", "title_zh", p.titleZh());
        field(s, "", "title_en", p.titleEn());
        field(s, "", "tldr_zh", p.tldrZh());
        field(s, "", "tldr_en", p.tldrEn());
        field(s, "", "abstract_zh", p.abstractZh());
        field(s, "", "abstract_en", p.abstractEn());
        s.append("abstract_zh_truncated: ").append(p.abstractZhTruncated()).append('\n');
        s.append("abstract_en_truncated: ").append(p.abstractEnTruncated()).append('\n');
        s.append("appearances:\n");
        for (Appearance a : p.appearances()) {
            LocalDate date = a.date();
            field(s, "  - ", "url", "/" + a.digest().path());
            field(s, "    ", "channel", a.digest().channel());
            field(s, "    ", "date", date == null ? "未注明日期" : date.toString());
            field(s, "    ", "announce", a.announceType());
        }
        // Old-style ids keep their slash (papers/hep-th/9901001.md), as our papers/hep-th/9901001/.
        write("papers/" + p.id().value() + ".md", s.append("---\n").toString());
    }

    private void write(String relative, String text) {
        Path file = root.resolve(relative);
        try {
            if (made.add(file.getParent())) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void field(StringBuilder s, String indent, String key, String value) {
        s.append(indent).append(key).append(": ").append(yaml(value == null ? "" : value)).append('\n');
    }

    /**
     * A YAML double-quoted scalar. Digest text holds quotes, colons, backslashes and TeX, so
     * every value is quoted and {@code "} and {@code \} are escaped; so is everything YAML does
     * not allow raw or reads as a line break (C0/C1 controls, DEL, U+2028/U+2029, the BOM,
     * U+FFFE/U+FFFF), and a lone surrogate (which cannot be encoded) becomes U+FFFD.
     */
    static String yaml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (pair) {
                    out.append(c).append(value.charAt(++i));
                } else {
                    out.append("\\uFFFD");
                }
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029
                    || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
