package paperbake.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The detail (footnote) blocks, by ref label, each split into its fields: flexmark says where a
 * block starts, the text up to the next block or heading is its region, and {@link Slots} reads
 * the region in place.
 */
final class DetailBlock {

    /** A detail block split into its fields. */
    record Block(String label, int line, String titleZh, String titleLine, String url,
                 String tldrZh, String tldrEn, String abstractZh, String abstractEn) {}

    private static final Pattern BLOCK_LABEL = Pattern.compile("^\\[\\^([^\\]]{1,100})\\]:");

    private final String text;
    private final LineMap lines;
    private final FileReport report;
    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private final SourceSpans spans;

    /** @param spans told where each paragraph was read, or null */
    DetailBlock(String text, LineMap lines, FileReport report, SourceSpans spans) {
        this.text = text;
        this.lines = lines;
        this.report = report;
        this.spans = spans;
    }

    /** Blocks in the order the file lists them; the first block under a label wins. */
    Map<String, Block> blocks() {
        return blocks;
    }

    /** Reads the block that is the {@code i}th top-level node. */
    void read(List<Node> top, int i) {
        readBlock((FootnoteBlock) top.get(i), regionEnd(top, i, text), blocks);
    }

    /*
     * A block ends where the next block or heading starts. flexmark may close the footnote
     * early (an empty Chinese title leaves "[^N]:" alone on its line, and the indented lines
     * that follow become a code block), so the region, not the node, is the block.
     */
    static int regionEnd(List<Node> top, int i, String text) {
        for (int j = i + 1; j < top.size(); j++) {
            Node n = top.get(j);
            if (n instanceof FootnoteBlock || n instanceof TableBlock || n instanceof Heading) {
                return n.getStartOffset();
            }
        }
        return text.length();
    }

    private void readBlock(FootnoteBlock fb, int end, Map<String, Block> blocks) {
        int start = fb.getStartOffset();
        int line = lines.lineOf(start);
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

        List<String> slots = Slots.split(text, Math.min(firstEnd + 1, regionEnd), regionEnd, spans);
        // Paragraphs before the URL line are the English title; markers there mean nothing.
        int urlAt = -1;
        for (int k = 0; k < slots.size() && k < 4; k++) {
            String s = slots.get(k);
            if (s != Slots.MARKER && EntryText.wholeLink(s).isPresent()) {
                urlAt = k;
                break;
            }
        }
        String titleLine;
        String url;
        List<String> rest;
        if (urlAt >= 0) {
            titleLine = Slots.join(slots.subList(0, urlAt));
            url = EntryText.wholeLink(slots.get(urlAt)).get().url();
            rest = slots.subList(urlAt + 1, slots.size());
        } else {
            int firstContent = 0;
            while (firstContent < slots.size() && slots.get(firstContent) == Slots.MARKER) {
                firstContent++;
            }
            titleLine = firstContent < slots.size() ? slots.get(firstContent) : "";
            url = EntryText.firstUrl(titleLine);
            rest = firstContent < slots.size() ? slots.subList(firstContent + 1, slots.size()) : List.of();
            if (slots.isEmpty()) {
                report.warn(line, "detail block [^" + label + "] ends before its English title and link (file truncated?)");
            } else if (url.isEmpty()) {
                report.warn(line, "detail block [^" + label + "] has no link line after its English title");
            }
        }
        Slots.Fields f = Slots.assign(rest);
        if (blocks.containsKey(label)) {
            report.duplicateRef(line, "detail block", label);
            return;
        }
        blocks.put(label, new Block(label, line, Text.normalize(titleZhRaw), Text.normalize(titleLine), url,
                f.tldrZh(), f.tldrEn(), f.abstractZh(), f.abstractEn()));
    }
}
