package paperbake.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import paperbake.model.ArxivId;
import paperbake.model.Digest.UnlinkedEntry;
import paperbake.model.Entry;
import paperbake.parse.DetailBlock.Block;
import paperbake.parse.SummaryTable.Row;

/**
 * Joins each table row with its detail block (by ref label) into an {@link Entry}: the link and
 * id, the titles with their old-style tails and announce prefixes read, the truncation signs.
 * Entries without an arXiv link become {@link UnlinkedEntry}s; every entry is counted.
 */
final class EntryAssembler {

    private final FileReport report;
    private final List<Entry> entries = new ArrayList<>();
    private final List<UnlinkedEntry> others = new ArrayList<>();
    /** The line of the entry that first listed each paper, to report a repeat. */
    private final Map<ArxivId, Integer> listed = new HashMap<>();
    private final SourceSpans spans;

    /** @param spans told where each entry's long fields are, or null */
    EntryAssembler(FileReport report, SourceSpans spans) {
        this.report = report;
        this.spans = spans;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    List<UnlinkedEntry> others() {
        return List.copyOf(others);
    }

    void assemble(Map<String, Row> rows, Map<String, Block> blocks) {
        List<String> labels = new ArrayList<>(rows.keySet());
        for (String label : blocks.keySet()) {
            if (!rows.containsKey(label)) {
                labels.add(label);
            }
        }
        for (String label : labels) {
            report.entryRead();
            Row row = rows.get(label);
            Block block = blocks.get(label);
            if (block == null) {
                report.warn(row.line(), "table row [^" + label + "] has no detail block; the entry uses the table's title and summary only");
            } else if (row == null && !rows.isEmpty()) {
                report.warn(block.line(), "detail block [^" + label + "] has no row in the summary table");
            } else if (row == null) {
                report.warn(block.line(), "detail block [^" + label + "] has no summary table row (the digest has no table)");
            }
            build(label, row, block);
        }
    }

    private void build(String label, Row row, Block block) {
        int line = row != null ? row.line() : block.line();
        String blockUrl = block == null ? "" : block.url();
        String rowUrl = row == null ? "" : row.url();
        Optional<ArxivId.Ref> ref = ArxivId.fromUrl(blockUrl);
        Optional<ArxivId.Ref> rowRef = ArxivId.fromUrl(rowUrl);
        if (ref.isEmpty()) {
            ref = rowRef;
        } else if (rowRef.isPresent() && !rowRef.get().id().equals(ref.get().id())) {
            report.warn(line, "table row [^" + label + "] links to " + rowRef.get().id() + " but its detail block links to "
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
                    ? "entry [^" + label + "] links to '" + Text.abbreviate(url) + "', which is not an arXiv link: its host is '"
                            + Text.abbreviate(host) + "', not arxiv.org; the link is shown as text only"
                    : "entry [^" + label + "] links to '" + Text.abbreviate(url) + "', which is not an arXiv abs/pdf link";
            report.warn(line, why + "; it is listed on the digest page but gets no paper page");
            report.skip(DigestParser.SKIP_NO_ARXIV_LINK);
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
            report.warn(line, "entry [^" + label + "] links to " + ref.get().id() + " but its title names arXiv:" + tail.get().id());
        }
        Integer first = listed.putIfAbsent(ref.get().id(), line);
        if (first != null) {
            // Counting it twice would make "2 papers" of one and list it twice on the digest page.
            report.warn(line, "entry [^" + label + "] lists arXiv:" + ref.get().id() + " again (line " + first
                    + " already lists it); the paper is counted and shown once, and this listing is skipped");
            report.skip(DigestParser.SKIP_REPEATED_PAPER);
            return;
        }
        Entry entry = new Entry(
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
                tail.map(EntryText.TitleTail::category).orElse(""));
        entries.add(entry);
        if (spans != null && block != null) {
            spans.entry(entry, block.tldrZh(), block.tldrEn(), block.abstractZh(), abstractEnRaw);
        }
    }
}
