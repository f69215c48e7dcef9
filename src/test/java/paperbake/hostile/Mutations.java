package paperbake.hostile;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The kinds of damage a machine-written digest arrives with, each applied to one small real digest
 * ({@code econ/2025-02-06.md}, three entries). Big inputs are generated here, never committed.
 */
final class Mutations {

    static final String FILE = "econ/2025-02-06.md";
    static final String PAGE = "digests/econ/2025-02-06/";

    private final BaseDigest base = BaseDigest.load("/hostile/econ-2025-02-06.md");
    private final String b = base.text();

    static List<Mutation> all() {
        return new Mutations().list();
    }

    private List<String> ids(int... n) {
        List<String> out = new ArrayList<>();
        for (int i : n) {
            out.add(base.id(i));
        }
        return out;
    }

    private List<String> allIds() {
        return base.ids();
    }

    private static int lines(String text) {
        return BaseDigest.lineCount(text);
    }

    private Mutation broken(String kind, String text) {
        return Mutation.broken(kind).file(FILE, text).digestPage(PAGE);
    }

    private List<Mutation> list() {
        List<Mutation> m = new ArrayList<>();
        String i2 = base.id(2);

        // ---- truncation: the generator or a copy was cut off --------------------------------------
        String zhAbstract3 = base.blockParagraph(3, 4);
        int cut = b.indexOf(zhAbstract3) + 24;
        String truncAbstract = b.substring(0, cut);
        m.add(broken("truncated mid-abstract", truncAbstract)
                .expect(FILE, lines(truncAbstract), "cut off").publishes(allIds()));

        int rowCut = b.indexOf(base.row(2)) + 30;
        String truncTable = b.substring(0, rowCut);
        m.add(broken("truncated mid-table", truncTable)
                .expect(FILE, lines(truncTable), "cut off")
                .expect(FILE, base.rowLine(2), "no link|not an arXiv")
                .expect(FILE, base.rowLine(1), "no detail block")
                .publishes(ids(1)));

        String link2 = base.blockParagraph(2, 1);
        String truncLink = b.substring(0, b.indexOf(link2) + 20);
        m.add(broken("truncated mid-link", truncLink)
                .expect(FILE, lines(truncLink), "cut off")
                .expect(FILE, base.rowLine(3), "no detail block")
                .publishes(allIds()));

        byte[] bytes = b.getBytes(UTF_8);
        String tldr1 = base.blockParagraph(1, 2);
        int byteCut = new String(b.substring(0, b.indexOf(tldr1) + 10)).getBytes(UTF_8).length + 1; // inside a 3-byte character
        byte[] truncUtf8 = Arrays.copyOf(bytes, byteCut);
        int tldr1Line = BaseDigest.lineAt(b, b.indexOf(tldr1));
        m.add(Mutation.broken("truncated mid-character").file(FILE, truncUtf8).digestPage(PAGE)
                .expect(FILE, tldr1Line, "not valid UTF-8")
                .expect(FILE, tldr1Line, "cut off")
                .publishes(allIds()));

        // ---- nothing or garbage ------------------------------------------------------------------
        m.add(Mutation.broken("empty file").file(FILE, new byte[0]).digestPage(PAGE).expect(FILE, 1, "empty"));
        m.add(broken("blank lines only", "\n\n    \n\t\n").expect(FILE, 1, "blank"));

        m.add(broken("header-only digest", "# 摘要\n\n| Ref | Title | Summary |\n| --- | --- | --- |\n\n# 详细\n\n")
                .expect(FILE, 3, "no papers: its summary table has a header but no rows"));
        m.add(Mutation.broken("an error message instead of a digest").file(FILE, "Error: API rate limit exceeded\n")
                .expect(FILE, 1, "no papers and this is not digest text \\('Error: API rate limit exceeded'\\)"));
        m.add(Mutation.broken("a heading and a traceback").file(FILE,
                        "# 摘要\n\nTraceback (most recent call last):\n  File \"digest.py\", line 12, in <module>\n"
                                + "openai.RateLimitError: Error code: 429\n")
                .expect(FILE, 3, "not digest text \\('Traceback"));

        byte[] garbage = garbage(4096, 7);
        m.add(Mutation.broken("binary garbage").file(FILE, garbage)
                .expect(FILE, lineOfFirstNul(garbage), "binary, not a Markdown digest; file skipped"));

        byte[] appended = concat(bytes, garbage);
        m.add(Mutation.broken("binary appended to a digest").file(FILE, appended).digestPage(PAGE)
                .expect(FILE, lineOfFirstNul(appended), "binary").publishes(allIds()));

        // ---- encodings ---------------------------------------------------------------------------
        String titleZh2 = base.line(base.blockLine(2));
        int badAt = (b.substring(0, b.indexOf(titleZh2) + 6)).getBytes(UTF_8).length;
        byte[] invalid = concat(Arrays.copyOf(bytes, badAt), new byte[] {(byte) 0xFF, (byte) 0xC3, '('},
                Arrays.copyOfRange(bytes, badAt, bytes.length));
        m.add(Mutation.broken("invalid UTF-8 bytes").file(FILE, invalid).digestPage(PAGE)
                .expect(FILE, base.blockLine(2), "not valid UTF-8").publishes(allIds()));

        byte[] gb = b.getBytes(Charset.forName("GB18030"));
        m.add(Mutation.broken("GB18030 instead of UTF-8").file(FILE, gb).digestPage(PAGE)
                .expect(FILE, firstInvalidUtf8Line(gb), "not valid UTF-8").publishes(allIds()));

        m.add(Mutation.broken("UTF-16 with BOM").file(FILE, concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        b.getBytes(java.nio.charset.StandardCharsets.UTF_16LE))).digestPage(PAGE)
                .expect(FILE, 1, "UTF-16").publishes(allIds()));

        m.add(Mutation.broken("UTF-8 byte order mark").file(FILE, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes))
                .digestPage(PAGE).expect(FILE, 1, "byte order mark").publishes(allIds()));

        m.add(broken("CRLF line endings", b.replace("\n", "\r\n")).expect(FILE, 1, "CRLF").publishes(allIds()));
        m.add(broken("bare CR line endings", b.replace("\n", "\r")).expect(FILE, 1, "carriage return").publishes(allIds()));

        String joined = b + "\uFEFF" + b;
        m.add(broken("two digests joined", joined)
                .expect(FILE, lines(b), "byte order mark.* in the middle")
                .expect(FILE, lines(b) - 1 + base.rowLine(1), "repeats a reference")
                .publishes(allIds()));

        // ---- rows and blocks ---------------------------------------------------------------------
        String row2 = base.row(2);
        String titleEn2 = row2.substring(row2.indexOf("[", row2.indexOf("|", 3)) + 1, row2.indexOf("]("));
        String dupRow = b.replace(base.row(2) + "\n", base.row(2) + "\n" + base.row(2) + "\n");
        m.add(broken("duplicate ref in the table", dupRow)
                .expect(FILE, base.rowLine(2) + 1, "repeats a reference").publishes(allIds()));

        String dupBlock = b + base.block(2);
        m.add(broken("duplicate ref in the details", dupBlock)
                .expect(FILE, lines(b), "repeats a reference").publishes(allIds()));

        String i3 = base.id(3);
        m.add(broken("one paper listed twice in a digest", b.replace("/abs/" + i3, "/abs/" + i2))
                .expect(FILE, base.rowLine(3), "lists arXiv:" + Pattern.quote(i2) + " again \\(line " + base.rowLine(2) + " already")
                .publishes(ids(1, 2)));

        String longerTitle = titleEn2 + ": Revisited";
        m.add(Mutation.broken("one paper with two titles in two digests").file(FILE, b)
                .file("econ/2025-02-07.md", b.replace(titleEn2, longerTitle))
                .digestPage(PAGE).digestPage("digests/econ/2025-02-07/")
                .expect(FILE, base.rowLine(2), "listed here with the title '" + Pattern.quote(titleEn2) + "' but at .*2025-02-07\\.md:"
                        + base.rowLine(2) + " as '" + Pattern.quote(longerTitle) + "'")
                // every field from the newer listing (equal texts: the newest wins), so it is the one source named
                .pageShows("papers/" + i2 + "/", "字段取自： econ · 2025-02-07 (第 " + base.rowLine(2) + " 行) 相关论文")
                .publishes(allIds()));

        String noBlock3 = b.replace(base.block(3), "");
        m.add(broken("row without block", noBlock3)
                .expect(FILE, base.rowLine(3), "no detail block").publishes(allIds()));

        String noRow3 = b.replace(base.row(3) + "\n", "");
        m.add(broken("block without row", noRow3)
                .expect(FILE, BaseDigest.lineStarting(noRow3, "[^3]:"), "no row in the summary table").publishes(allIds()));

        String noTable = b.replace(base.table(), "");
        m.add(broken("no summary table", noTable)
                .expect(FILE, BaseDigest.lineStarting(noTable, "[^1]:"), "no summary table")
                .expect(FILE, BaseDigest.lineStarting(noTable, "[^3]:"), "no summary table")
                .publishes(allIds()));

        String noLinkInBlock = b.replace(base.blockParagraph(2, 1) + "\n\n", "");
        m.add(broken("block without its link", noLinkInBlock)
                .expect(FILE, BaseDigest.lineStarting(noLinkInBlock, "[^2]:"), "no link")
                .publishes(allIds()));

        String missingUrl = b.replace(row2, row2.replaceFirst("\\[([^\\]]*)\\]\\([^)]*\\)", "$1"))
                .replace(base.blockParagraph(2, 1) + "\n\n", "");
        m.add(broken("missing URL", missingUrl)
                .expect(FILE, base.rowLine(2), "has no link").publishes(ids(1, 3)));

        m.add(broken("non-arXiv URL", b.replace("https://arxiv.org/abs/" + i2, "https://example.org/fuzzy.pdf"))
                .expect(FILE, base.rowLine(2), "not an arXiv").publishes(ids(1, 3)));

        String shortId = i2.substring(0, 8);
        m.add(broken("malformed arXiv id", b.replace(i2, shortId))
                .expect(FILE, base.rowLine(2), "not an arXiv").publishes(ids(1, 3)));

        for (String lookalike : List.of("https://arxiv.org.evil.example/abs/", "https://arxiv.org@evil.example/abs/",
                "https://xn--arxv-9qa.org/abs/")) {
            m.add(broken("lookalike host " + lookalike, b.replace("https://arxiv.org/abs/" + i2, lookalike + i2))
                    .expect(FILE, base.rowLine(2), "its host is '[^']+', not arxiv.org").publishes(ids(1, 3))
                    .neverLinks(lookalike.substring(0, lookalike.length() - 5))
                    .pageShows(PAGE, lookalike + i2));
        }

        m.add(broken("javascript: URL", b.replace("https://arxiv.org/abs/" + i2, "javascript:alert(document.domain)"))
                .expect(FILE, base.rowLine(2), "no link|not an arXiv").publishes(ids(1, 3)));

        String otherId = i2.substring(0, i2.length() - 1) + (i2.charAt(i2.length() - 1) == '9' ? '8' : '9');
        m.add(broken("row and block disagree on the paper", b.replace(row2, row2.replace(i2, otherId)))
                .expect(FILE, base.rowLine(2), "detail block links to").publishes(allIds()));

        String summary2 = row2.substring(row2.lastIndexOf(" | ", row2.length() - 3) + 3, row2.length() - 2);
        String pipe = b.replace(row2, row2.replace(summary2, summary2.substring(0, 6) + " | " + summary2.substring(6)));
        m.add(broken("unescaped pipe in a cell", pipe)
                .expect(FILE, base.rowLine(2), "cells instead of 3").publishes(allIds()));

        m.add(broken("row without [^N] ref", b.replace(row2, row2.replace("[^2]", "2")))
                .expect(FILE, base.rowLine(2), "no \\[\\^N\\] reference").publishes(allIds()));

        // ---- names, dates, front matter ----------------------------------------------------------
        m.add(Mutation.broken("impossible date in the name").file("econ/2025-02-30.md", b).digestPage("digests/econ/2025-02-30/")
                .expect("econ/2025-02-30.md", 1, "impossible date").publishes(allIds()));

        m.add(Mutation.broken("undated name").file("econ/notes.md", b).digestPage("digests/econ/notes/")
                .expect("econ/notes.md", 1, "no valid date").publishes(allIds()));

        m.add(Mutation.broken("a date far in the future").file("econ/2099-12-31.md", b).digestPage("digests/econ/2099-12-31/")
                .expect("econ/2099-12-31.md", 1, "date 2099-12-31, more than 3 days after the build's date").publishes(allIds()));
        m.add(Mutation.broken("front matter dated 9999-12-31").file(FILE, "---\ndate: 9999-12-31\n---\n\n" + b)
                .digestPage("digests/econ/9999-12-31/")
                .expect(FILE, 2, "date 9999-12-31, more than 3 days after").publishes(allIds()));
        m.add(Mutation.broken("year 0").file("econ/0000-01-01.md", b).digestPage("digests/econ/0000-01-01/")
                .expect("econ/0000-01-01.md", 1, "before arXiv existed").publishes(allIds()));

        m.add(broken("impossible date in front matter", "---\ntitle: Econ\ndate: 2025-13-45\n---\n\n" + b)
                .expect(FILE, 3, "impossible date").publishes(allIds()));

        m.add(broken("unreadable date in front matter", "---\ndate: last Tuesday\n---\n\n" + b)
                .expect(FILE, 2, "not YYYY-MM-DD").publishes(allIds()));

        m.add(broken("unclosed front matter", "---\ndate: 2025-02-06\n\n" + b)
                .expect(FILE, 1, "closes the front matter").publishes(allIds()));

        m.add(Mutation.broken("front matter channel with a path in it").file(FILE, "---\nchannel: ../../etc\n---\n\n" + b)
                .digestPage("digests/etc/2025-02-06/").expect(FILE, 2, "not a URL-safe name").publishes(allIds()));

        m.add(Mutation.broken("two files for one day").file(FILE, b).file("econ/copy.md", "---\ndate: 2025-02-06\n---\n\n" + b)
                .digestPage(PAGE).digestPage("digests/econ/2025-02-06-2/")
                .expect("econ/copy.md", 1, "same page as").publishes(allIds()));

        // ---- the content folder: names, links, special files ----------------------------------------
        m.add(Mutation.broken("a space after the .md").file(FILE + " ", b).digestPage(PAGE)
                .expect(FILE + " ", 1, "has spaces around it; it was read as '2025-02-06.md'").publishes(allIds()));

        String elsewhere = b.replace(base.id(1), "2501.90001").replace(i2, "2501.90002").replace(base.id(3), "2501.90003");
        m.add(broken("a link to a digest outside the content folder", b)
                .outside("secret.md", elsewhere).link("econ/2025-02-07.md", "outside/secret.md")
                .expect("econ/2025-02-07.md", 1, "symbolic link to .*secret\\.md, outside the content folder; it is not followed")
                .publishes(allIds()));
        m.add(broken("a link to a digest inside the folder", b).link("econ/2025-02-07.md", "2025-02-06.md")
                .expect("econ/2025-02-07.md", 1, "is a link to .*econ/2025-02-06\\.md, which is read already; it is not read twice")
                .publishes(allIds()));
        // Two .md links to each other are an unreadable digest, an error (exit status 1): ContentReaderTest has them.
        m.add(broken("a link loop", b).link("loop", ".")
                .expect("loop", 0, "a link to the content folder itself, a folder that is read already")
                .publishes(allIds()));
        m.add(broken("a FIFO named .md", b).fifo("econ/2025-02-07.md")
                .expect("econ/2025-02-07.md", 1, "not a regular file").publishes(allIds()));

        m.add(broken("channel names that differ only in case", b).file("ECON/2025-02-07.md", b).file("Econ/2025-02-06.md", b)
                .digestPage("digests/econ/2025-02-07/").digestPage("digests/econ/2025-02-06-2/")
                .expect("ECON/2025-02-07.md", 1, "channel 'ECON' differs from 'econ' only in letter case.*this digest is published under 'econ'")
                .expect("Econ/2025-02-06.md", 1, "channel 'Econ' differs from 'econ' only in letter case")
                .neverLinks("/ECON/").neverLinks("/Econ/").publishes(allIds()));

        // ---- sizes and shapes --------------------------------------------------------------------
        String en2 = base.blockParagraph(2, 5);
        String longLine = b.replace(en2, en2 + " lorem ipsum".repeat(2_000_000 / 12));
        m.add(broken("a 2 MB line", longLine)
                .expect(FILE, BaseDigest.lineAt(b, b.indexOf(en2)), "characters long").publishes(allIds()));

        m.add(broken("a 50 MB file", fiftyMegabytes())
                .expect(FILE, 1, "MB, far larger").publishes(allIds()));

        String zh2 = base.blockParagraph(2, 4);
        int zh2Line = BaseDigest.lineAt(b, b.indexOf(zh2));
        m.add(broken("block quotes nested 20,000 deep", b.replace(zh2, "    " + "> ".repeat(20_000) + zh2.strip()))
                .expect(FILE, zh2Line, "nested more than 32").publishes(allIds()));
        m.add(broken("quotes and lists nested 2,000 deep", b.replace(zh2, "    " + "> - ".repeat(2_000) + zh2.strip()))
                .expect(FILE, zh2Line, "nested more than 32").publishes(allIds()));

        // ---- invisible characters ----------------------------------------------------------------
        String title1 = base.blockParagraph(1, 0);
        int title1Line = BaseDigest.lineAt(b, b.indexOf(title1));
        m.add(broken("terminal escapes and control characters",
                b.replace(title1, title1 + " \u001b[31mred\u001b[0m\u0007\u0008"))
                .expect(FILE, title1Line, "control characters").publishes(allIds()));
        m.add(broken("bidi override in a title", b.replace(title1, "    \u202Etxet desrever\u202C " + title1.strip()))
                .expect(FILE, title1Line, "bidirectional").publishes(allIds()));

        // ---- variations real digests have: published, no warning ---------------------------------
        String i1 = base.id(1);
        m.add(tolerated("versioned links", b.replace("/abs/" + i1, "/abs/" + i1 + "v3")).publishes(allIds()));
        m.add(tolerated("/pdf/ links", b.replace("arxiv.org/abs/" + i1, "arxiv.org/pdf/" + i1 + "v2.pdf")).publishes(allIds()));
        m.add(tolerated("http, export and rss hosts", b.replace("https://arxiv.org/abs/" + i1, "http://export.arxiv.org/abs/" + i1)
                .replace("https://arxiv.org/abs/" + i2, "https://rss.arxiv.org/abs/" + i2)).publishes(allIds()));
        List<String> oldStyle = new ArrayList<>(ids(1, 3));
        oldStyle.add("hep-th/9901001");
        m.add(tolerated("old-style ids", b.replace(i2, "hep-th/9901001")).publishes(oldStyle));
        m.add(tolerated("upper-case scheme and host", b.replace("https://arxiv.org/abs/" + i1, "HTTPS://ARXIV.ORG/abs/" + i1))
                .publishes(allIds()));
        m.add(tolerated("default port and /html/ links", b.replace("https://arxiv.org/abs/" + i1, "https://arxiv.org:443/abs/" + i1)
                .replace("https://arxiv.org/abs/" + i2, "https://arxiv.org/html/" + i2 + "v1")).publishes(allIds()));
        m.add(tolerated("versions above v99", b.replace("/abs/" + i1, "/abs/" + i1 + "v123")
                .replace("/abs/" + i2, "/abs/" + i2 + "v1000")).publishes(allIds()));
        m.add(tolerated("zero-width and no-break spaces", b.replace(title1, title1.replaceFirst(" ", "\u00A0\u200B"))).publishes(allIds()));
        return m;
    }

    private Mutation tolerated(String kind, String text) {
        return Mutation.tolerated(kind).file(FILE, text).digestPage(PAGE);
    }

    private String fiftyMegabytes() {
        StringBuilder s = new StringBuilder(51 * 1024 * 1024).append(b).append("\n# 附录\n\n");
        Random r = new Random(50);
        String[] words = {"market", "price", "auction", "model", "we", "study", "data", "the", "of", "results"};
        while (s.length() < 50 * 1024 * 1024) {
            for (int w = 0; w < 150; w++) {
                s.append(words[r.nextInt(words.length)]).append(' ');
            }
            s.append("\n\n");
        }
        return s.toString();
    }

    /** Random bytes, about one in twenty a NUL, as from a corrupted download. */
    private static byte[] garbage(int n, long seed) {
        byte[] g = new byte[n];
        Random r = new Random(seed);
        r.nextBytes(g);
        for (int i = 100; i < n; i += 20) {
            g[i] = 0;
        }
        return g;
    }

    /** Some GB18030 byte pairs happen to be valid UTF-8, so the first bad line is found, not assumed. */
    private static int firstInvalidUtf8Line(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.charset.CoderResult r = UTF_8.newDecoder().decode(in, java.nio.CharBuffer.allocate(bytes.length), true);
        if (!r.isError()) {
            throw new IllegalArgumentException("valid UTF-8");
        }
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineOfFirstNul(byte[] bytes) {
        int line = 1;
        for (byte x : bytes) {
            if (x == 0) {
                return line;
            }
            if (x == '\n') {
                line++;
            }
        }
        throw new IllegalArgumentException("no NUL byte");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
