package paperbake.parse;

import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperbake.model.ArxivId;
import paperbake.model.Digest;
import paperbake.model.Digest.UnlinkedEntry;
import paperbake.model.DigestId;
import paperbake.model.Entry;
import paperbake.report.Counts;
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

    private static final Pattern DATED_NAME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern BLOCK_LABEL = Pattern.compile("^\\[\\^([^\\]]{1,100})\\]:");
    private static final Pattern STRAY_ROW = Pattern.compile("[ \\t]{0,3}\\|\\s*\\[\\^[^\\]]{1,100}\\]\\s*\\|");
    private static final Pattern REF_CELL = Pattern.compile("^\\[\\^([^\\]]{1,100})\\]$");

    private final Parser parser;
    private final DateLimits dates;

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
        try {
            return new Run(file, normalizeNewlines(text)).parse(channel);
        } catch (StackOverflowError e) {
            return failed(file, "the Markdown is nested too deeply to parse (stack overflow); file skipped");
        } catch (RuntimeException e) {
            return failed(file, "could not parse the file (" + e + "); file skipped");
        }
    }

    static ParseResult failed(Path file, String message) {
        return new ParseResult(null, List.of(Diagnostic.error(file, 1, message)), 0, Map.of());
    }

    static String normalizeNewlines(String text) {
        String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        if (t.indexOf('\r') < 0) {
            return t;
        }
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** A summary-table row, with the cells rejoined when a stray "|" split one. */
    private record Row(String label, int line, String titleEn, String url, String summary) {}

    /** A detail (footnote) block split into its fields. */
    private record Block(String label, int line, String titleZh, String titleLine, String url,
                         String tldrZh, String tldrEn, String abstractZh, String abstractEn) {}

    /** State of one parse; never shared between threads. */
    private final class Run {
        private final Path file;
        private final String text;
        private final int[] lineStarts;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Map<String, Integer> skipped = new TreeMap<>();
        /** The line of the entry that first listed each paper, to report a repeat. */
        private final Map<ArxivId, Integer> listed = new java.util.HashMap<>();
        private int read;
        private int frontMatterLine = 1;
        private final boolean unclosedFrontMatter;

        Run(Path file, String text) {
            this.file = file;
            String guarded = NestingGuard.guard(text, file, diagnostics);
            this.unclosedFrontMatter = guarded.startsWith("---\n") && !guarded.contains("\n---\n") && !guarded.endsWith("\n---");
            // flexmark would take the whole file as front matter; blanking the opening line keeps every offset.
            this.text = unclosedFrontMatter ? "   " + guarded.substring(3) : guarded;
            this.lineStarts = lineStarts(this.text);
        }

        ParseResult parse(String layoutChannel) {
            Document doc = parser.parse(text);
            FrontMatter fm = FrontMatter.of(doc);
            if (unclosedFrontMatter) {
                warn(1, "the file starts with '---' but no second '---' line closes the front matter; "
                        + "it was read as ordinary text");
            }
            LocalDate date = date(fm);
            DigestId id = digestId(fm, layoutChannel, date);

            Map<String, Row> rows = new LinkedHashMap<>();
            Map<String, Block> blocks = new LinkedHashMap<>();
            List<Node> top = new ArrayList<>();
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                top.add(n);
            }
            for (int i = 0; i < top.size(); i++) {
                Node n = top.get(i);
                if (n instanceof TableBlock table) {
                    readTable(table, rows);
                } else if (n instanceof com.vladsch.flexmark.ast.Paragraph) {
                    readStrayRows(n, rows);
                } else if (n instanceof FootnoteBlock fb) {
                    int end = regionEnd(top, i);
                    readBlock(fb, end, blocks);
                }
            }
            List<Entry> entries = new ArrayList<>();
            List<UnlinkedEntry> others = new ArrayList<>();
            merge(rows, blocks, entries, others);
            if (read == 0 && !text.isBlank() && !reportNoEntries(top)) {
                diagnostics.sort(java.util.Comparator.comparingInt(Diagnostic::line));
                return new ParseResult(null, diagnostics, 0, skipped);
            }
            diagnostics.sort(java.util.Comparator.comparingInt(Diagnostic::line));
            Digest digest = new Digest(id, file, date, fm.title() == null ? "" : fm.title(),
                    List.copyOf(entries), List.copyOf(others));
            return new ParseResult(digest, diagnostics, read, skipped);
        }

        // ---- files without entries -----------------------------------------------------------

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
                } else if (!(n instanceof com.vladsch.flexmark.ast.Heading || n instanceof com.vladsch.flexmark.util.ast.BlankLine
                        || n instanceof com.vladsch.flexmark.ast.ThematicBreak || n instanceof com.vladsch.flexmark.ast.HtmlCommentBlock
                        || n instanceof com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock)) {
                    int start = Math.min(n.getStartOffset(), text.length());
                    int nl = text.indexOf('\n', start);
                    String first = text.substring(start, nl < 0 ? text.length() : nl).strip();
                    warn(lineOf(start), "the file lists no papers and this is not digest text ('" + abbreviate(first)
                            + "'): it looks like an error message written in place of a digest; file not published");
                    return false;
                }
            }
            if (table != null) {
                warn(lineOf(table.getStartOffset()), "the digest lists no papers: its summary table has a header but no rows; "
                        + "published as an empty digest");
            } else {
                warn(1, "the digest lists no papers: it has no summary table and no detail blocks; published as an empty digest");
            }
            return true;
        }

        // ---- identity -------------------------------------------------------------------------

        private String stem() {
            // Spaces around a name are a mistake ContentReader reports; the name is the one meant.
            String name = file.getFileName() == null ? "" : file.getFileName().toString().strip();
            return name.toLowerCase(java.util.Locale.ROOT).endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        }

        private LocalDate date(FrontMatter fm) {
            if (fm.date() != null) {
                frontMatterLine = fm.dateOffset() < 0 ? 1 : lineOf(fm.dateOffset());
                LocalDate d = isoDate(fm.date(), "front matter date");
                if (d != null) {
                    return d;
                }
            }
            return isoDate(stem(), "file name");
        }

        /** Null when the text is not YYYY-MM-DD or is an impossible day (a warning says which). */
        private LocalDate isoDate(String s, String where) {
            Matcher m = DATED_NAME.matcher(s.strip());
            if (!m.matches()) {
                if (where.startsWith("front")) {
                    warn(frontMatterLine, "front matter date '" + s + "' is not YYYY-MM-DD; ignored");
                }
                return null;
            }
            int line = where.startsWith("front") ? frontMatterLine : 1;
            LocalDate date;
            try {
                date = LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                warn(line, "the " + where + " gives the impossible date " + s.strip() + "; the digest is treated as undated");
                return null;
            }
            if (date.getYear() < DateLimits.FIRST_YEAR) {
                warn(line, "the " + where + " gives the date " + date + ", before arXiv existed (" + DateLimits.FIRST_YEAR
                        + "); the digest is treated as undated");
                return null;
            }
            if (date.isAfter(dates.latest())) {
                warn(line, "the " + where + " gives the date " + date + ", more than " + Counts.of(dates.futureDays(), "day")
                        + " after the build's date (" + dates.today() + "); a wrong date keeps the digest at the top "
                        + "of the home page: check it (or set --future-days)");
            }
            return date;
        }

        private DigestId digestId(FrontMatter fm, String layoutChannel, LocalDate date) {
            // A layout channel is the directory name: ContentReader reports an unsafe one once per
            // directory, not once per file, so here it is only sanitized.
            String channel = layoutChannel == null || layoutChannel.isEmpty() ? "" : Text.slug(layoutChannel);
            if (fm.channel() != null) {
                channel = fm.channel().isBlank() ? "" : Text.slug(fm.channel());
                if (!channel.equals(fm.channel().strip())) {
                    warn(fm.channelOffset() < 0 ? 1 : lineOf(fm.channelOffset()), "front matter channel '" + fm.channel() + "' is not a URL-safe name; using '" + channel + "'");
                }
            }
            if (date != null) {
                return new DigestId(channel, date.toString());
            }
            String name = Text.slug(stem());
            warn(1, "the digest has no valid date (neither in front matter nor as a YYYY-MM-DD file name); "
                    + "published as undated under the name '" + name + "'");
            return new DigestId(channel, name);
        }

        // ---- summary table -------------------------------------------------------------------

        private void readTable(TableBlock table, Map<String, Row> rows) {
            for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
                if (!(section instanceof TableBody)) {
                    continue;
                }
                for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                    if (r instanceof TableRow row) {
                        readRow(row, rows);
                    }
                }
            }
        }

        private void readRow(TableRow row, Map<String, Row> rows) {
            List<int[]> cells = new ArrayList<>();
            for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof TableCell cell) {
                    BasedSequence t = cell.getText();
                    cells.add(new int[] {t.getStartOffset(), Math.max(t.getStartOffset(), t.getEndOffset())});
                }
            }
            readCells(cells, lineOf(row.getStartOffset()), rows);
        }

        /*
         * A line that breaks a table (deep nesting, a stray paragraph) turns the rows after it into
         * plain paragraph text. Those rows are still the digest's entries, so they are read from
         * the paragraph's source, split on unescaped pipes the way the tables extension does.
         */
        private void readStrayRows(Node paragraph, Map<String, Row> rows) {
            int pos = paragraph.getStartOffset();
            int end = Math.min(paragraph.getEndOffset(), text.length());
            while (pos < end) {
                int nl = text.indexOf('\n', pos);
                int lineEnd = nl < 0 || nl > end ? end : nl;
                Matcher m = STRAY_ROW.matcher(text).region(pos, lineEnd);
                if (m.lookingAt()) {
                    int line = lineOf(pos);
                    warn(line, "this line looks like a summary-table row but is outside the table "
                            + "(something above it interrupted the table); it was read as a row anyway");
                    readCells(splitCells(pos, lineEnd), line, rows);
                }
                pos = lineEnd + 1;
            }
        }

        private List<int[]> splitCells(int from, int to) {
            List<int[]> cells = new ArrayList<>();
            int start = text.indexOf('|', from) + 1;
            for (int i = start; i <= to; i++) {
                if (i == to || text.charAt(i) == '|' && text.charAt(i - 1) != '\\') {
                    int a = start;
                    int b = i;
                    while (a < b && Character.isWhitespace(text.charAt(a))) {
                        a++;
                    }
                    while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                        b--;
                    }
                    if (i < to || a < b) {
                        cells.add(new int[] {a, b});
                    }
                    start = i + 1;
                }
            }
            return cells;
        }

        private void readCells(List<int[]> cells, int line, Map<String, Row> rows) {
            if (cells.isEmpty()) {
                return;
            }
            String refText = span(cells, 0, 0).strip();
            Matcher rm = REF_CELL.matcher(refText);
            String label = rm.matches() ? rm.group(1).strip() : "row at line " + line;
            if (!rm.matches()) {
                warn(line, "table row has no [^N] reference in its first cell ('" + abbreviate(refText) + "')");
            }
            // The title cell is the shortest run of cells that forms one whole [text](url) link;
            // anything after it, pipes included, is the summary as written.
            int titleEnd = 1;
            Optional<EntryText.Link> link = Optional.empty();
            for (int k = 1; k < cells.size(); k++) {
                Optional<EntryText.Link> l = EntryText.wholeLink(span(cells, 1, k));
                if (l.isPresent()) {
                    titleEnd = k;
                    link = l;
                    break;
                }
            }
            String titleEn;
            String url;
            if (link.isPresent()) {
                titleEn = Text.normalize(link.get().text());
                url = link.get().url();
            } else {
                String cell = cells.size() > 1 ? span(cells, 1, 1) : "";
                titleEn = Text.normalize(cell);
                url = firstUrl(cell);
            }
            if (cells.size() > 3) {
                warn(line, "table row [^" + label + "] has " + cells.size()
                        + " cells instead of 3 (an unescaped '|' in the text); the extra cells were rejoined");
            }
            String summary = titleEnd + 1 < cells.size() ? Text.normalize(span(cells, titleEnd + 1, cells.size() - 1)) : "";
            if (rows.containsKey(label)) {
                duplicate(line, "table row", label);
                return;
            }
            rows.put(label, new Row(label, line, titleEn, url, summary));
        }

        /** Source text from cell {@code from} to cell {@code to} inclusive, pipes and spaces as written. */
        private String span(List<int[]> cells, int from, int to) {
            int start = cells.get(from)[0];
            int end = cells.get(to)[1];
            return end <= start ? "" : text.substring(start, end);
        }

        // ---- detail blocks -------------------------------------------------------------------

        /*
         * A block ends where the next block or heading starts. flexmark may close the footnote
         * early (an empty Chinese title leaves "[^N]:" alone on its line, and the indented lines
         * that follow become a code block), so the region, not the node, is the block.
         */
        private int regionEnd(List<Node> top, int i) {
            for (int j = i + 1; j < top.size(); j++) {
                Node n = top.get(j);
                if (n instanceof FootnoteBlock || n instanceof TableBlock
                        || n instanceof com.vladsch.flexmark.ast.Heading) {
                    return n.getStartOffset();
                }
            }
            return text.length();
        }

        private void readBlock(FootnoteBlock fb, int end, Map<String, Block> blocks) {
            int start = fb.getStartOffset();
            int line = lineOf(start);
            // The block is read in place in the file's text, by offsets: blocks hold the long
            // abstracts, and copying each region before splitting it was a good part of the parse.
            int regionEnd = Math.max(start, end);
            int nl = text.indexOf('\n', start);
            int firstEnd = nl < 0 || nl >= regionEnd ? regionEnd : nl;
            // flexmark's label runs to the last "]:" on the line ("[^13]: K\'U [MASK]: ..."), so read it here.
            Matcher lm = BLOCK_LABEL.matcher(text).region(start, firstEnd);
            boolean labelled = lm.lookingAt();
            String label = labelled ? lm.group(1).strip() : fb.getText().toString().strip();
            String titleZhRaw = labelled ? text.substring(lm.end(), firstEnd) : "";

            List<String> slots = slots(text, Math.min(firstEnd + 1, regionEnd), regionEnd);
            // Paragraphs before the URL line are the English title; markers there mean nothing.
            int urlAt = -1;
            for (int k = 0; k < slots.size() && k < 4; k++) {
                String s = slots.get(k);
                if (s != MARKER && EntryText.wholeLink(s).isPresent()) {
                    urlAt = k;
                    break;
                }
            }
            String titleLine;
            String url;
            List<String> rest;
            if (urlAt >= 0) {
                titleLine = joinContent(slots.subList(0, urlAt));
                url = EntryText.wholeLink(slots.get(urlAt)).get().url();
                rest = slots.subList(urlAt + 1, slots.size());
            } else {
                int firstContent = 0;
                while (firstContent < slots.size() && slots.get(firstContent) == MARKER) {
                    firstContent++;
                }
                titleLine = firstContent < slots.size() ? slots.get(firstContent) : "";
                url = firstUrl(titleLine);
                rest = firstContent < slots.size() ? slots.subList(firstContent + 1, slots.size()) : List.of();
                if (slots.isEmpty()) {
                    warn(line, "detail block [^" + label + "] ends before its English title and link (file truncated?)");
                } else if (url.isEmpty()) {
                    warn(line, "detail block [^" + label + "] has no link line after its English title");
                }
            }
            String[] f = assignSlots(rest); // tldrZh, tldrEn, abstractZh, abstractEn
            if (blocks.containsKey(label)) {
                duplicate(line, "detail block", label);
                return;
            }
            blocks.put(label, new Block(label, line, Text.normalize(titleZhRaw), Text.normalize(titleLine), url,
                    f[0], f[1], f[2], f[3]));
        }

        private void duplicate(int line, String what, String label) {
            warn(line, what + " [^" + label + "] repeats a reference already used in this digest; "
                    + "the first one is kept and this one is skipped");
            read++;
            skipped.merge(SKIP_DUPLICATE_REF, 1, Integer::sum);
        }

        /*
         * Positional layout after the URL. New layout: TL;DR, a four-space separator line,
         * Chinese abstract, English abstract; an empty field is itself a four-space line.
         * Earliest layout (no separator): Chinese TL;DR, English TL;DR, Chinese abstract,
         * English abstract; with only two paragraphs the TL;DR is missing.
         */
        private String[] assignSlots(List<String> s) {
            String tldrZh = "";
            String tldrEn = "";
            String absZh = "";
            String absEn = "";
            boolean separated = s.contains(MARKER);
            if (separated) {
                List<String> after;
                if (s.size() >= 2 && s.get(1) == MARKER) {
                    tldrZh = content(s.get(0));
                    after = s.subList(2, s.size());
                } else if (s.get(0) == MARKER) {
                    after = s.subList(1, s.size());
                } else {
                    int sep = s.indexOf(MARKER);
                    tldrZh = joinContent(s.subList(0, sep));
                    after = s.subList(sep + 1, s.size());
                }
                if (after.size() >= 2) {
                    absZh = joinContent(after.subList(0, after.size() - 1));
                    absEn = content(after.get(after.size() - 1));
                } else if (after.size() == 1) {
                    String only = content(after.get(0));
                    if (Text.hasCjk(only)) {
                        absZh = only;
                    } else {
                        absEn = only;
                    }
                }
            } else {
                switch (s.size()) {
                    case 0 -> { }
                    case 1 -> {
                        if (Text.hasCjk(s.get(0))) {
                            absZh = s.get(0);
                        } else {
                            absEn = s.get(0);
                        }
                    }
                    case 2 -> {
                        absZh = s.get(0);
                        absEn = s.get(1);
                    }
                    case 3 -> {
                        tldrZh = s.get(0);
                        absZh = s.get(1);
                        absEn = s.get(2);
                    }
                    default -> {
                        tldrZh = s.get(0);
                        tldrEn = s.get(1);
                        absZh = joinContent(s.subList(2, s.size() - 1));
                        absEn = s.get(s.size() - 1);
                    }
                }
            }
            return new String[] {tldrZh, tldrEn, absZh, absEn};
        }

        // ---- merge -----------------------------------------------------------------------------

        private void merge(Map<String, Row> rows, Map<String, Block> blocks, List<Entry> entries, List<UnlinkedEntry> others) {
            List<String> labels = new ArrayList<>(rows.keySet());
            for (String label : blocks.keySet()) {
                if (!rows.containsKey(label)) {
                    labels.add(label);
                }
            }
            for (String label : labels) {
                read++;
                Row row = rows.get(label);
                Block block = blocks.get(label);
                if (block == null) {
                    warn(row.line(), "table row [^" + label + "] has no detail block; the entry uses the table's title and summary only");
                } else if (row == null && !rows.isEmpty()) {
                    warn(block.line(), "detail block [^" + label + "] has no row in the summary table");
                } else if (row == null) {
                    warn(block.line(), "detail block [^" + label + "] has no summary table row (the digest has no table)");
                }
                build(label, row, block, entries, others);
            }
        }

        private void build(String label, Row row, Block block, List<Entry> entries, List<UnlinkedEntry> others) {
            int line = row != null ? row.line() : block.line();
            String blockUrl = block == null ? "" : block.url();
            String rowUrl = row == null ? "" : row.url();
            Optional<ArxivId.Ref> ref = ArxivId.fromUrl(blockUrl);
            Optional<ArxivId.Ref> rowRef = ArxivId.fromUrl(rowUrl);
            if (ref.isEmpty()) {
                ref = rowRef;
            } else if (rowRef.isPresent() && !rowRef.get().id().equals(ref.get().id())) {
                warn(line, "table row [^" + label + "] links to " + rowRef.get().id() + " but its detail block links to "
                        + ref.get().id() + "; the detail block's link is used");
            }
            String url = !blockUrl.isEmpty() ? blockUrl : rowUrl;

            String titleLine = block == null ? "" : block.titleLine();
            Optional<EntryText.TitleTail> tail = EntryText.titleTail(titleLine);
            String titleEn;
            boolean oldStyle = tail.isPresent() || url.regionMatches(true, 0, "http://", 0, 7);
            if (tail.isPresent()) {
                titleEn = tail.get().title();
            } else if (!titleLine.isEmpty()) {
                titleEn = titleLine;
            } else {
                titleEn = row == null ? "" : row.titleEn();
            }
            if (oldStyle) {
                titleEn = EntryText.dropOldStylePeriod(titleEn);
            }
            String titleZh = block == null ? "" : EntryText.dropTitleLabel(block.titleZh());
            Optional<EntryText.TitleTail> zhTail = EntryText.titleTail(titleZh);
            if (zhTail.isPresent()) {
                titleZh = zhTail.get().title();
                if (oldStyle && titleZh.endsWith(".") && !Text.hasCjk(titleZh)) {
                    titleZh = EntryText.dropOldStylePeriod(titleZh);
                }
            }
            String tldrZh = block == null ? "" : block.tldrZh();
            if (tldrZh.isEmpty() && row != null) {
                tldrZh = row.summary(); // the table's summary column is the same one-line TL;DR
            }

            if (ref.isEmpty()) {
                String host = ArxivId.foreignHost(url).orElse("");
                String why = url.isEmpty()
                        ? "entry [^" + label + "] has no link"
                        : !host.isEmpty()
                        ? "entry [^" + label + "] links to '" + abbreviate(url) + "', which is not an arXiv link: its host is '"
                                + abbreviate(host) + "', not arxiv.org; the link is shown as text only"
                        : "entry [^" + label + "] links to '" + abbreviate(url) + "', which is not an arXiv abs/pdf link";
                warn(line, why + "; it is listed on the digest page but gets no paper page");
                skipped.merge(SKIP_NO_ARXIV_LINK, 1, Integer::sum);
                others.add(new UnlinkedEntry(line, titleZh, titleEn, tldrZh, url));
                return;
            }

            String abstractEnRaw = block == null ? "" : block.abstractEn();
            EntryText.Announce en = EntryText.stripEnglishPrefix(abstractEnRaw);
            EntryText.Announce zh = EntryText.stripChinesePrefix(block == null ? "" : block.abstractZh());
            EntryText.Truncation zhCut = EntryText.chineseTruncation(zh.text());

            String announceType = !en.type().isEmpty() ? en.type()
                    : tail.isPresent() && !tail.get().announceType().isEmpty() ? tail.get().announceType()
                    : zh.type();
            int version = ref.get().version();
            if (version == 0) {
                version = tail.map(EntryText.TitleTail::version).filter(v -> v > 0)
                        .orElse(en.version() > 0 ? en.version() : zh.version());
            }
            if (tail.isPresent() && !tail.get().id().equals(ref.get().id().value())) {
                warn(line, "entry [^" + label + "] links to " + ref.get().id() + " but its title names arXiv:" + tail.get().id());
            }
            Integer first = listed.putIfAbsent(ref.get().id(), line);
            if (first != null) {
                // Counting it twice would make "2 papers" of one and list it twice on the digest page.
                warn(line, "entry [^" + label + "] lists arXiv:" + ref.get().id() + " again (line " + first
                        + " already lists it); the paper is counted and shown once, and this listing is skipped");
                skipped.merge(SKIP_REPEATED_PAPER, 1, Integer::sum);
                return;
            }
            entries.add(new Entry(
                    new ArxivId.Ref(ref.get().id(), version),
                    line,
                    titleZh,
                    titleEn,
                    tldrZh,
                    block == null ? "" : block.tldrEn(),
                    zhCut.text(),
                    en.text(),
                    zhCut.truncated(),
                    EntryText.englishTruncated(abstractEnRaw),
                    announceType,
                    tail.map(EntryText.TitleTail::category).orElse("")));
        }

        // ---- helpers ---------------------------------------------------------------------------

        private void warn(int line, String message) {
            diagnostics.add(Diagnostic.warning(file, line, message));
        }

        private int lineOf(int offset) {
            int lo = 0;
            int hi = lineStarts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }
    }

    /** Stands for a whitespace-only line inside a block: an empty field or the separator. Compared by identity. */
    static final String MARKER = new String("<marker>");

    /*
     * Splits a block body into paragraphs (consecutive content lines) and MARKERs (whitespace-only
     * lines that stand alone between blank lines). A whitespace-only line right after a paragraph
     * is the block's closing line and is not a slot. The body is {@code text} from {@code from}
     * to {@code to}, read in place.
     */
    static List<String> slots(String text, int from, int to) {
        List<String> out = new ArrayList<>();
        Paragraph para = null;
        int pos = from;
        while (pos <= to) {
            int nl = text.indexOf('\n', pos);
            if (nl >= to) {
                nl = -1;
            }
            int end = nl < 0 ? to : nl;
            if (pos == to && nl < 0) {
                break;
            }
            boolean empty = end == pos;
            boolean blank = !empty && isBlank(text, pos, end);
            if (empty) {
                if (para != null) {
                    out.add(para.normalized());
                    para = null;
                }
            } else if (blank) {
                if (para != null) {
                    out.add(para.normalized());
                    para = null;
                } else {
                    out.add(MARKER);
                }
            } else {
                if (para == null) {
                    para = new Paragraph(text, pos, end);
                } else {
                    para.addLine(pos, end);
                }
            }
            pos = end + 1;
        }
        if (para != null) {
            out.add(para.normalized());
        }
        return out;
    }

    /**
     * Consecutive content lines, joined by a space and normalized. Nearly every paragraph is one
     * line, normalized straight from the text; only a paragraph of several lines is copied.
     */
    private static final class Paragraph {
        private final String text;
        private final int start;
        private final int end;
        private StringBuilder joined;

        Paragraph(String text, int start, int end) {
            this.text = text;
            this.start = start;
            this.end = end;
        }

        void addLine(int from, int to) {
            if (joined == null) {
                joined = new StringBuilder().append(text, start, end);
            }
            joined.append(' ').append(text, from, to);
        }

        String normalized() {
            return joined == null ? Text.normalize(text, start, end) : Text.normalize(joined);
        }
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Text.isSpace(c) || c == '\u200B' || c == '\uFEFF')) {
                return false;
            }
        }
        return true;
    }

    private static String content(String slot) {
        return slot == MARKER ? "" : slot;
    }

    private static String joinContent(List<String> slots) {
        StringBuilder b = new StringBuilder();
        for (String s : slots) {
            if (s != MARKER) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(s);
            }
        }
        return b.toString();
    }

    private static final Pattern ANY_URL = Pattern.compile("(?i:https?)://[^\\s<>()\\[\\]|]+");

    private static String firstUrl(String s) {
        Matcher m = ANY_URL.matcher(s);
        return m.find() ? EntryText.cleanUrl(m.group()) : "";
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** The offset where each line starts; indexOf, because it is vectorized and this runs on every file. */
    private static int[] lineStarts(String text) {
        int count = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            count++;
        }
        int[] starts = new int[count];
        int k = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            starts[k++] = nl + 1;
        }
        return starts;
    }
}
