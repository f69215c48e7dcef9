package paperbake.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.CharSubSequence;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.report.Diagnostic;

/**
 * Parses one digest file into a {@link Digest}. Thread-safe: the flexmark {@link Parser} is
 * built once and is immutable; all per-file state lives in a {@link Run}.
 *
 * <p>flexmark finds the structure (the summary table, its rows and cells, the footnote blocks and
 * where each ends). Field text is then taken from the source characters of those nodes, never
 * from the rendered inline tree, so TeX such as {@code $a_1 * b_2$} or {@code \|} comes out as
 * written.
 */
public final class DigestParser {

    public static final String SKIP_NO_ARXIV_LINK = "no arXiv link";
    public static final String SKIP_DUPLICATE_REF = "duplicate ref";
    public static final String SKIP_REPEATED_PAPER = "paper listed twice in one digest";
    /** How the warning about a file that holds text but no digest (an error message) begins. */
    public static final String NOT_DIGEST_TEXT = "the file lists no papers and this is not digest text";

    private final Parser parser;
    private final DateLimits dates;

    /** The dates this parser accepts without a warning, which a cached parse must agree with. */
    DateLimits dates() {
        return dates;
    }

    /** Dates are checked against today's date (UTC). */
    public DigestParser() {
        this(DateLimits.of(java.time.Clock.systemUTC()));
    }

    public DigestParser(DateLimits dates) {
        this.dates = dates;
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(), FootnoteExtension.create(), YamlFrontMatterExtension.create()));
        // A row broken by an unescaped "|" has more cells than the header: keep them to rejoin.
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, false);
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, false);
        options.set(TablesExtension.WITH_CAPTION, false);
        // Only the block structure is read, so paragraphs and headings skip inline parsing.
        this.parser = Parser.builder(options).customInlineParserFactory(StructureOnlyInlineParser::new).build();
    }

    /** The URL-safe form of a channel or digest name: {@code [A-Za-z0-9-_.]} (case kept), others become "-". */
    public static String slug(String name) {
        return Text.slug(name);
    }

    /**
     * @param file    used for the digest's name and date and in every diagnostic
     * @param channel the channel the caller derived from the layout ("" for flat content);
     *                front matter may override it
     * @param text    the decoded file; CR/CRLF and a leading BOM are tolerated
     */
    public ParseResult parse(Path file, String channel, String text) {
        return parse(file, channel, ParseText.of(text));
    }

    /** {@link #parse(Path, String, String)} of text {@link RawText} has read already. */
    ParseResult parse(Path file, String channel, ParseText text) {
        return parse(file, channel, text, null);
    }

    /** @param spans told where the entries' long fields are in {@code text}, or null */
    ParseResult parse(Path file, String channel, ParseText text, SourceSpans spans) {
        try {
            return new Run(file, text, spans).parse(channel);
        } catch (StackOverflowError e) {
            return failed(file, "the Markdown is nested too deeply to parse (stack overflow); file skipped");
        } catch (RuntimeException e) {
            return failed(file, "could not parse the file (" + e + "); file skipped");
        }
    }

    static ParseResult failed(Path file, String message) {
        return new ParseResult(null, List.of(Diagnostic.error(file, 1, message)), 0, Map.of());
    }

    /** State of one parse; never shared between threads. */
    private final class Run {
        private final Path file;
        private final String text;
        private final char[] chars;
        private final LineMap lines;
        private final FileReport report;
        private final boolean unclosedFrontMatter;
        private final SourceSpans spans;

        Run(Path file, ParseText source, SourceSpans spans) {
            this.file = file;
            this.spans = spans;
            this.report = new FileReport(file);
            String guarded = NestingGuard.guard(source, file, report.diagnostics());
            ParseText t = guarded == source.text() ? source : ParseText.of(guarded);
            this.unclosedFrontMatter = guarded.startsWith("---\n") && !guarded.contains("\n---\n") && !guarded.endsWith("\n---");
            // flexmark would take the whole file as front matter; blanking the opening line keeps every offset.
            t = unclosedFrontMatter ? t.blankFirst(3) : t;
            this.text = t.text();
            this.chars = t.chars();
            this.lines = t.lines();
        }

        ParseResult parse(String layoutChannel) {
            // flexmark reads every character through its sequence's charAt: over a char[] that is a
            // plain array read, over a String (under the README's C1-only JIT) a call with its own
            // index check, a fifth more of flexmark's time (docs/BENCHMARKS.md, "Build").
            Document doc = parser.parse(CharSubSequence.of(chars, 0, chars.length));
            FrontMatter fm = FrontMatter.of(doc);
            if (unclosedFrontMatter) {
                report.warn(1, "the file starts with '---' but no second '---' line closes the front matter; "
                        + "it was read as ordinary text");
            }
            DigestIdentity identity = new DigestIdentity(file, lines, report, dates);
            LocalDate date = identity.date(fm);
            DigestId id = identity.id(fm, layoutChannel, date);

            SummaryTable table = new SummaryTable(text, lines, report);
            DetailBlock details = new DetailBlock(text, lines, report, spans);
            List<Node> top = new ArrayList<>();
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                top.add(n);
            }
            for (int i = 0; i < top.size(); i++) {
                Node n = top.get(i);
                if (n instanceof TableBlock t) {
                    table.read(t);
                } else if (n instanceof Paragraph) {
                    table.readStrayRows(n);
                } else if (n instanceof FootnoteBlock) {
                    details.read(top, i);
                }
            }
            EntryAssembler entries = new EntryAssembler(report, spans);
            entries.assemble(table.rows(), details.blocks());
            if (report.entriesRead() == 0 && !text.isBlank() && !reportNoEntries(top)) {
                return report.result(null);
            }
            return report.result(new Digest(id, file, date, fm.title() == null ? "" : fm.title(),
                    entries.entries(), entries.others()));
        }

        /**
         * Digest bots write their failures where the digest should be ("Error: API rate limit
         * exceeded", or "# 摘要" and a traceback). A file that lists nothing and has text a digest
         * never has is not a digest: it is reported and not published (it names no paper, so
         * nothing is lost). A skeleton (headings, a table header, no rows) is a real, empty
         * digest: published, and reported, since a generator that wrote no rows may have failed too.
         *
         * @return whether to publish the file as an empty digest; either way a warning says why
         */
        private boolean reportNoEntries(List<Node> top) {
            Node table = null;
            for (Node n : top) {
                if (n instanceof TableBlock) {
                    table = table == null ? n : table;
                } else if (!(n instanceof Heading || n instanceof BlankLine || n instanceof ThematicBreak
                        || n instanceof HtmlCommentBlock || n instanceof YamlFrontMatterBlock)) {
                    int start = Math.min(n.getStartOffset(), text.length());
                    int nl = text.indexOf('\n', start);
                    String first = text.substring(start, nl < 0 ? text.length() : nl).strip();
                    report.warn(lines.lineOf(start), NOT_DIGEST_TEXT + " ('" + Text.abbreviate(first)
                            + "'): it looks like an error message written in place of a digest; file not published");
                    return false;
                }
            }
            if (table != null) {
                report.warn(lines.lineOf(table.getStartOffset()), "the digest lists no papers: its summary table has a header but no rows; "
                        + "published as an empty digest");
            } else {
                report.warn(1, "the digest lists no papers: it has no summary table and no detail blocks; published as an empty digest");
            }
            return true;
        }
    }
}
