package paperbake.parse;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary table's rows, by ref label: from the table flexmark found, and from lines that
 * look like rows but fell out of it. Cell text is read from the source by offsets.
 */
final class SummaryTable {

    /** A summary-table row, with the cells rejoined when a stray "|" split one. */
    record Row(String label, int line, String titleEn, String url, String summary) {}

    private static final Pattern STRAY_ROW = Pattern.compile("[ \\t]{0,3}\\|\\s*\\[\\^[^\\]]{1,100}\\]\\s*\\|");
    private static final Pattern REF_CELL = Pattern.compile("^\\[\\^([^\\]]{1,100})\\]$");

    private final String text;
    private final LineMap lines;
    private final FileReport report;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    SummaryTable(String text, LineMap lines, FileReport report) {
        this.text = text;
        this.lines = lines;
        this.report = report;
    }

    /** Rows in the order the file lists them; the first row under a label wins. */
    Map<String, Row> rows() {
        return rows;
    }

    void read(TableBlock table) {
        readTable(table, rows);
    }

    void readStrayRows(Node paragraph) {
        readStrayRows(paragraph, rows);
    }

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
        // The tables extension keeps a "|" inside inline markup as text: right for a link title
        // with a pipe in it, wrong for HTML, which no digest field is, and which can hide the
        // pipes of the rest of the row ("<!-- en](url) | -->" made one cell of title and summary).
        // Such a row is split on its pipes as written.
        boolean htmlAte = false;
        for (int[] c : cells) {
            htmlAte |= text.substring(c[0], c[1]).indexOf('<') >= 0 && hasUnescapedPipe(c[0], c[1]);
        }
        int start = row.getStartOffset();
        int nl = text.indexOf('\n', start);
        int end = nl < 0 || nl > row.getEndOffset() ? Math.min(row.getEndOffset(), text.length()) : nl;
        readCells(htmlAte ? splitCells(start, end) : cells, lines.lineOf(start), rows);
    }

    private boolean hasUnescapedPipe(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '|' && (i == 0 || text.charAt(i - 1) != '\\')) {
                return true;
            }
        }
        return false;
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
                int line = lines.lineOf(pos);
                report.warn(line, "this line looks like a summary-table row but is outside the table "
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
            report.warn(line, "table row has no [^N] reference in its first cell ('" + Text.abbreviate(refText) + "')");
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
            url = EntryText.firstUrl(cell);
        }
        if (cells.size() > 3) {
            report.warn(line, "table row [^" + label + "] has " + cells.size()
                    + " cells instead of 3 (an unescaped '|' in the text); the extra cells were rejoined");
        }
        String summary = titleEnd + 1 < cells.size() ? Text.normalize(span(cells, titleEnd + 1, cells.size() - 1)) : "";
        if (rows.containsKey(label)) {
            report.duplicateRef(line, "table row", label);
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
}
