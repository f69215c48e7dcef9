package paperbake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import paperbake.model.ArxivId;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.model.Entry;
import paperbake.report.Diagnostic;

/** Synthetic digests for the variations and damage the corpus does not happen to contain. */
class DigestParserTest {

    private static final DigestParser PARSER = new DigestParser();
    private static final Path FILE = Path.of("content/cs.CL/2024-03-01.md");

    static final String HEAD = "# 摘要\n\n| Ref | Title | Summary |\n| --- | --- | --- |\n";

    /** A new-style detail block exactly as the generator writes it. */
    static String block(int n, String zhTitle, String enTitle, String url, String tldr, String zhAbs, String enAbs) {
        return "[^" + n + "]: " + zhTitle + "\n\n    " + enTitle + "\n\n    [" + url + "](" + url + ")\n\n    " + tldr
                + "\n\n    \n\n    " + zhAbs + "\n\n    " + enAbs + "\n    \n";
    }

    static String row(int n, String title, String url, String summary) {
        return "| [^" + n + "] | [" + title + "](" + url + ") | " + summary + " |\n";
    }

    /** A valid digest of one entry, for tests about everything but the entries. */
    static final String ONE_ENTRY = HEAD + row(1, "Title", "https://arxiv.org/abs/2403.00001", "s") + "\n# 详细\n\n"
            + block(1, "标题", "Title", "https://arxiv.org/abs/2403.00001", "t", "z", "e");

    static ParseResult parse(String text) {
        return PARSER.parse(FILE, "cs.CL", text);
    }

    private static void assertReconciled(ParseResult r) {
        assertThat(r.entriesRead()).isEqualTo(r.digest().entries().size() + r.skippedCount());
    }

    @Test
    void anEmptySkeletonIsPublishedAndReportedAsEmpty() {
        ParseResult r = parse(HEAD + "\n# 详细\n\n");
        assertThat(r.digest().entries()).isEmpty();
        assertThat(r.digest().others()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.message()).contains("no papers", "header but no rows");
        });
        assertThat(r.digest().id()).isEqualTo(new DigestId("cs.CL", "2024-03-01"));
        assertThat(r.entriesRead()).isZero();

        assertThat(parse("# 摘要\n\n# 详细\n").diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("no summary table"));
    }

    @Test
    void anErrorMessageInPlaceOfADigestIsReportedAndNotPublished() {
        ParseResult r = parse("Error: API rate limit exceeded\n");
        assertThat(r.digest()).isNull();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.message()).contains("not digest text", "'Error: API rate limit exceeded'");
        });

        ParseResult traceback = parse("# 摘要\n\nTraceback (most recent call last):\n  File \"bot.py\", line 3\n"
                + "```\nopenai.RateLimitError\n```\n");
        assertThat(traceback.digest()).isNull();
        assertThat(traceback.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.message()).contains("'Traceback (most recent call last):'");
        });
    }

    @Test
    void emptyFileIsAnEmptyDigest() {
        ParseResult r = parse("");
        assertThat(r.digest().entries()).isEmpty();
        assertThat(r.digest().date()).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void newStyleEntryWithAnnouncePrefixes() {
        String url = "https://arxiv.org/abs/2403.00001";
        ParseResult r = parse(HEAD + row(1, "A Title", url, "总结。") + "\n# 详细\n\n"
                + block(1, "一个标题", "A Title", url, "总结。",
                "arXiv:2403.00001v2 公告类型：替换-交叉 摘要：中文摘要。",
                "arXiv:2403.00001v2 Announce Type: replace-cross  Abstract: English abstract."));
        Entry e = r.digest().entries().get(0);
        assertThat(e).isEqualTo(new Entry(new ArxivId.Ref(new ArxivId("2403.00001"), 2), 5, "一个标题", "A Title", "总结。", "",
                "中文摘要。", "English abstract.", false, false, "replace-cross", ""));
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void oldStyleTitlePeriodRule() {
        String url = "http://arxiv.org/abs/2310.00002";
        String text = HEAD + row(1, "Why Not?.", url, "s") + row(2, "Smith et al..", "http://arxiv.org/abs/2310.00003", "s")
                + row(3, "Only in table.", "http://arxiv.org/abs/2310.00004", "表格摘要")
                + "\n# 详细\n\n"
                + block(1, "为什么不？", "Why Not?. (arXiv:2310.00002v3 [cs.CL] UPDATED)", url, "t", "z", "e")
                + block(2, "史密斯等", "Smith et al.. (arXiv:2310.00003v1 [cs.LG] CROSS LISTED)", "http://arxiv.org/abs/2310.00003", "t", "z", "e");
        ParseResult r = parse(text);
        List<Entry> es = r.digest().entries();
        assertThat(es).extracting(Entry::titleEn).containsExactly("Why Not?", "Smith et al.", "Only in table");
        assertThat(es).extracting(Entry::announceType).containsExactly("replace", "cross", "");
        assertThat(es).extracting(Entry::category).containsExactly("cs.CL", "cs.LG", "");
        assertThat(es).extracting(e -> e.ref().version()).containsExactly(3, 1, 0);
        assertThat(es.get(2).tldrZh()).isEqualTo("表格摘要");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(7);
            assertThat(d.message()).contains("[^3]", "no detail block");
        });
        assertReconciled(r);
    }

    @Test
    void blockWithoutRowStillProducesAnEntry() {
        String url = "https://arxiv.org/abs/2403.00005";
        ParseResult r = parse(HEAD + "\n# 详细\n\n" + block(7, "标题", "Title", url, "t", "z", "e"));
        assertThat(r.digest().entries()).singleElement().satisfies(e -> {
            assertThat(e.titleEn()).isEqualTo("Title");
            assertThat(e.line()).isEqualTo(8);
        });
        assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("[^7]", "no summary table row"));
    }

    @Test
    void missingAndNonArxivLinksGoToOthers() {
        String text = HEAD + "| [^1] | No link at all | 摘要一 |\n" + row(2, "Blog post", "https://example.com/post", "摘要二")
                + "\n# 详细\n\n" + block(2, "博客", "Blog post", "https://example.com/post", "t", "z", "e");
        ParseResult r = parse(text);
        Digest d = r.digest();
        assertThat(d.entries()).isEmpty();
        assertThat(d.others()).containsExactly(
                new Digest.UnlinkedEntry(5, "", "No link at all", "摘要一", ""),
                new Digest.UnlinkedEntry(6, "博客", "Blog post", "t", "https://example.com/post"));
        assertThat(r.skipped()).containsEntry(DigestParser.SKIP_NO_ARXIV_LINK, 2);
        assertThat(r.diagnostics()).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("[^1]", "has no link"))
                .anySatisfy(m -> assertThat(m).contains("[^2]", "https://example.com/post", "not an arXiv"));
        assertReconciled(r);
    }

    @Test
    void pdfVersionedAndOldStyleIdentifiers() {
        String text = HEAD + row(1, "A", "https://arxiv.org/pdf/2403.00006v4", "s")
                + row(2, "B", "http://arxiv.org/abs/hep-th/9901001", "s")
                + row(3, "C", "https://arxiv.org/abs/math.GT/0309136v2", "s")
                + row(4, "D", "https://export.arxiv.org/abs/2403.00007v1.pdf", "s");
        ParseResult r = parse(text);
        assertThat(r.digest().entries()).extracting(Entry::ref).containsExactly(
                new ArxivId.Ref(new ArxivId("2403.00006"), 4),
                new ArxivId.Ref(new ArxivId("hep-th/9901001"), 0),
                new ArxivId.Ref(new ArxivId("math.GT/0309136"), 2),
                new ArxivId.Ref(new ArxivId("2403.00007"), 1));
    }

    @Test
    void duplicateRefKeepsTheFirstAndReportsTheSecond() {
        String u1 = "https://arxiv.org/abs/2403.00008";
        String u2 = "https://arxiv.org/abs/2403.00009";
        String text = HEAD + row(1, "First", u1, "s") + row(1, "Second", u2, "s") + "\n# 详细\n\n"
                + block(1, "一", "First", u1, "t", "z", "e") + block(1, "二", "Second", u2, "t", "z", "e");
        ParseResult r = parse(text);
        assertThat(r.digest().entries()).singleElement().satisfies(e -> assertThat(e.titleEn()).isEqualTo("First"));
        assertThat(r.skipped()).containsEntry(DigestParser.SKIP_DUPLICATE_REF, 2);
        assertThat(r.entriesRead()).isEqualTo(3);
        assertThat(r.diagnostics()).hasSize(2).allSatisfy(d -> assertThat(d.message()).contains("[^1]", "repeats"));
        assertReconciled(r);
    }

    @Test
    void htmlInACellNeverHidesTheRestOfTheRow() {
        String url = "https://arxiv.org/abs/2403.00030";
        // flexmark reads "<!-- T](url) | -->" as one HTML comment, so title and summary became one cell.
        ParseResult r = parse(HEAD + row(1, "T <!--", url, "--><script>x</script> 摘要"));
        assertThat(r.digest().entries()).singleElement().satisfies(e -> {
            assertThat(e.id().value()).isEqualTo("2403.00030");
            assertThat(e.titleEn()).isEqualTo("T <!--");
            assertThat(e.tldrZh()).isEqualTo("--><script>x</script> 摘要");
        });
    }

    @Test
    void onePaperListedTwiceIsCountedOnceAndReported() {
        String u = "https://arxiv.org/abs/2403.00008";
        String text = HEAD + row(1, "First", u, "s") + row(2, "Again", u + "v2", "s") + "\n# 详细\n\n"
                + block(1, "一", "First", u, "t", "z", "e") + block(2, "二", "Again", u + "v2", "t", "z", "e");
        ParseResult r = parse(text);
        assertThat(r.digest().entries()).singleElement().satisfies(e -> assertThat(e.titleEn()).isEqualTo("First"));
        assertThat(r.skipped()).containsEntry(DigestParser.SKIP_REPEATED_PAPER, 1);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(6);
            assertThat(d.message()).contains("[^2] lists arXiv:2403.00008 again (line 5 already lists it)");
        });
        assertReconciled(r);
    }

    @Test
    void rawTexAndMarkdownCharactersComeOutAsWritten() {
        String url = "https://arxiv.org/abs/2403.00010";
        String title = "On $a_1 * b_2$ and $\\|x\\|_*$: {\\em Hölder} H\\\"older ``quotes'' \\citep{x} <France, capital, Paris>";
        String text = HEAD + "| [^1] | [" + title + "](" + url + ") | 含 $x_i * y_j$ 与 \\| 与 `code` |\n\n# 详细\n\n"
                + block(1, "关于 $a_1 * b_2$", title, url, "要点 $x_i * y_j$", "中文 *不是强调* _也不是_", "See <https://github.com/x/y> and **bold**.");
        Entry e = parse(text).digest().entries().get(0);
        assertThat(e.titleEn()).isEqualTo(title);
        assertThat(e.titleZh()).isEqualTo("关于 $a_1 * b_2$");
        assertThat(e.tldrZh()).isEqualTo("要点 $x_i * y_j$");
        assertThat(e.abstractZh()).isEqualTo("中文 *不是强调* _也不是_");
        assertThat(e.abstractEn()).isEqualTo("See <https://github.com/x/y> and **bold**.");
    }

    @Test
    void tableCellTextKeepsEscapedPipeAndMath() {
        String text = HEAD + "| [^1] | [Norms $\\|x\\|$ and [RE] brackets](https://arxiv.org/abs/2403.00011) | 范数 $\\|x\\|_2$ 与 $a_1*b$ |\n";
        Entry e = parse(text).digest().entries().get(0);
        assertThat(e.titleEn()).isEqualTo("Norms $\\|x\\|$ and [RE] brackets");
        assertThat(e.tldrZh()).isEqualTo("范数 $\\|x\\|_2$ 与 $a_1*b$");
    }

    @Test
    void invisibleAndOddWhitespaceIsNormalized() {
        String url = "https://arxiv.org/abs/2403.00012";
        String text = HEAD + row(1, "Zero\u200Bwidth\u00A0and\ttab   runs", url, "摘\u200B要\u00A0 一") + "\n# 详细\n\n"
                + block(1, "标\u200B题", "Zero\u200Bwidth\u00A0and\ttab   runs", url, "t", "z", "e");
        Entry e = parse(text).digest().entries().get(0);
        assertThat(e.titleEn()).isEqualTo("Zerowidth and tab runs");
        assertThat(e.titleZh()).isEqualTo("标题");
    }

    @Test
    void urlGluedToChinesePunctuationAndAutolinks() {
        String text = HEAD + "\n# 详细\n\n[^1]: 标题\n\n    Title\n\n    <https://arxiv.org/abs/2403.00013v2>\n\n    t\n\n    \n\n    z\n\n    e\n    \n"
                + "[^2]: 标题二\n\n    Title two\n\n    https://arxiv.org/abs/2403.00014。\n\n    t\n\n    \n\n    z\n\n    e\n    \n";
        ParseResult r = parse(text);
        assertThat(r.digest().entries()).extracting(Entry::ref).containsExactly(
                new ArxivId.Ref(new ArxivId("2403.00013"), 2), new ArxivId.Ref(new ArxivId("2403.00014"), 0));
    }

    @Test
    void frontMatterSetsDateTitleAndChannel() {
        String text = "---\ndate: 2024-05-06\ntitle: \"Special issue\"\nchannel: My Channel!\n---\n" + HEAD
                + row(1, "T", "https://arxiv.org/abs/2405.00001", "s");
        ParseResult r = PARSER.parse(Path.of("content/notes.md"), "", text);
        Digest d = r.digest();
        assertThat(d.date()).isEqualTo(LocalDate.of(2024, 5, 6));
        assertThat(d.title()).isEqualTo("Special issue");
        assertThat(d.id()).isEqualTo(new DigestId("My-Channel", "2024-05-06"));
        assertThat(d.entries()).hasSize(1);
        assertThat(r.diagnostics()).anySatisfy(x -> {
            assertThat(x.line()).as("the channel key's line").isEqualTo(4);
            assertThat(x.message()).contains("My Channel!", "My-Channel");
        });
    }

    @Test
    void impossibleDateMakesTheDigestUndated() {
        Path file = Path.of("content/cs.CL/2023-02-30.md");
        ParseResult r = PARSER.parse(file, "cs.CL", ONE_ENTRY);
        assertThat(r.digest().date()).isNull();
        assertThat(r.digest().id()).isEqualTo(new DigestId("cs.CL", "2023-02-30"));
        assertThat(r.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "the file name gives the impossible date 2023-02-30; the digest is treated as undated",
                "the digest has no valid date (neither in front matter nor as a YYYY-MM-DD file name); published as undated under the name '2023-02-30'");
        assertThat(r.diagnostics()).allSatisfy(d -> assertThat(d.file()).isEqualTo(file));
    }

    @Test
    void aDateAfterTheBuildDatePlusTheMarginIsReportedButKept() {
        DigestParser parser = new DigestParser(new DateLimits(LocalDate.of(2024, 3, 1), 3));
        assertThat(parser.parse(Path.of("c/2024-03-04.md"), "c", ONE_ENTRY).diagnostics()).as("within the margin").isEmpty();
        for (String name : List.of("2024-03-05", "2099-12-31", "9999-12-31")) {
            ParseResult r = parser.parse(Path.of("c/" + name + ".md"), "c", ONE_ENTRY);
            assertThat(r.digest().date()).isEqualTo(LocalDate.parse(name));
            assertThat(r.diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.line()).isEqualTo(1);
                assertThat(d.message()).contains("date " + name, "more than 3 days after the build's date (2024-03-01)");
            });
        }
        ParseResult fm = parser.parse(Path.of("c/x.md"), "c", "---\ntitle: t\ndate: 2099-12-31\n---\n" + ONE_ENTRY);
        assertThat(fm.diagnostics()).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(3));
    }

    @Test
    void aYearBeforeArxivIsRefused() {
        for (String name : List.of("0000-01-01", "1990-12-31")) {
            ParseResult r = PARSER.parse(Path.of("c/" + name + ".md"), "c", ONE_ENTRY);
            assertThat(r.digest().date()).isNull();
            assertThat(r.diagnostics()).extracting(Diagnostic::message)
                    .anySatisfy(m -> assertThat(m).contains("date " + name + ", before arXiv existed (1991)"));
        }
        assertThat(PARSER.parse(Path.of("c/1991-08-14.md"), "c", ONE_ENTRY).diagnostics()).isEmpty();
    }

    @Test
    void undatedNameIsSlugged() {
        ParseResult r = PARSER.parse(Path.of("content/Weekly Picks (v2).md"), "", ONE_ENTRY);
        assertThat(r.digest().id()).isEqualTo(new DigestId("", "Weekly-Picks-v2"));
        assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("no valid date", "Weekly-Picks-v2"));
    }

    @Test
    void truncatedMidEntryStillYieldsWhatIsThere() {
        String url = "https://arxiv.org/abs/2403.00015";
        String full = HEAD + row(1, "Title", url, "s") + row(2, "Two", "https://arxiv.org/abs/2403.00016", "s2") + "\n# 详细\n\n"
                + block(1, "标题", "Title", url, "t", "z", "e") + "[^2]: 标题二\n\n    Tw";
        ParseResult r = parse(full);
        assertThat(r.digest().entries()).hasSize(2);
        Entry two = r.digest().entries().get(1);
        assertThat(two.titleZh()).isEqualTo("标题二");
        assertThat(two.titleEn()).isEqualTo("Tw");
        assertThat(two.ref().id().value()).isEqualTo("2403.00016");
        assertReconciled(r);
    }

    @Test
    void crlfAndBomAreTolerated() {
        String url = "https://arxiv.org/abs/2403.00017";
        String text = "\uFEFF" + (HEAD + row(1, "Title", url, "s") + "\n# 详细\n\n" + block(1, "标题", "Title", url, "t", "z", "e"))
                .replace("\n", "\r\n");
        Entry e = parse(text).digest().entries().get(0);
        assertThat(e.titleEn()).isEqualTo("Title");
        assertThat(e.abstractZh()).isEqualTo("z");
        assertThat(e.abstractEn()).isEqualTo("e");
    }

    @Test
    void deeplyNestedLinesAreDefusedWithoutShiftingLineNumbers() {
        String url = "https://arxiv.org/abs/2403.00019";
        String text = HEAD + ">".repeat(10_000) + " junk\n" + row(1, "Title", url, "s");
        ParseResult r = parse(text);
        // The junk line ends the table; the row after it is read from the paragraph it became.
        assertThat(r.digest().entries()).singleElement().satisfies(e -> {
            assertThat(e.titleEn()).isEqualTo("Title");
            assertThat(e.tldrZh()).isEqualTo("s");
            assertThat(e.line()).isEqualTo(6);
        });
        assertThat(r.diagnostics()).extracting(Diagnostic::line).containsExactly(5, 6, 6);
        assertThat(r.diagnostics().get(1).message()).contains("outside the table");
        String ok = HEAD + row(1, "Title", url, "s") + "\n" + ">".repeat(10_000) + " junk\n\n# 详细\n\n"
                + block(1, "标题", "Title", url, "t", "z", "e");
        ParseResult r2 = parse(ok);
        assertThat(r2.digest().entries()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.abstractEn()).isEqualTo("e");
        });
        assertThat(r2.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(7);
            assertThat(d.message()).contains("read as plain text");
        });
    }

    @Test
    void englishTruncationRule() {
        String longCut = "arXiv:2403.00018v1 Announce Type: new  Abstract: " + "word ".repeat(200).substring(0, 951);
        assertThat(longCut).hasSize(1000);
        assertThat(EntryText.englishTruncated(longCut)).isTrue();
        assertThat(EntryText.englishTruncated(longCut + "end.")).isFalse();
        assertThat(EntryText.englishTruncated("Short and unfinished")).isFalse();
    }

    @Test
    void translatedPrefixVariants() {
        assertThat(EntryText.stripChinesePrefix("arXiv:2608.20338v1 公告类型：新 摘要：正文").text()).isEqualTo("正文");
        assertThat(EntryText.stripChinesePrefix("arXiv:2403.10056v1 公告类型:交叉摘要:正文").type()).isEqualTo("cross");
        assertThat(EntryText.stripChinesePrefix("arXiv:2403.10056v1 公告类型: 跨领域 摘要：正文").text()).isEqualTo("正文");
        assertThat(EntryText.stripChinesePrefix("arXiv:2403.10056v1 公告类型: 新 随着大语言模型").text()).isEqualTo("随着大语言模型");
        assertThat(EntryText.stripChinesePrefix("arXiv:2403.10056v1 公告类型：替换交叉。摘要：正文").type()).isEqualTo("replace-cross");
        assertThat(EntryText.stripChinesePrefix("arXiv：2402.13917v1 公告类型：跨领域 摘要：正文").text()).isEqualTo("正文");
        assertThat(EntryText.stripChinesePrefix("摘要：正文").text()).isEqualTo("正文");
    }
}
