package paperbake.index;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import paperbake.model.Appearance;
import paperbake.model.Paper;

/** Filters: {@code f/dates.json} (date ranges as doc-number ranges) and {@code f/c<i>.bin} (channel bitmaps). */
final class FiltersWriter {

    private final IndexFiles out;
    private final Json json = new Json();

    FiltersWriter(IndexFiles out) {
        this.out = out;
    }

    /**
     * Doc numbers run newest first, so a date range is a doc-number range: dates.json lists,
     * for each distinct latest-listing date, the first doc number that has it. Channels are
     * bitmaps over doc numbers, one small file each.
     */
    void write(List<Paper> papers, List<String> channels) {
        Map<String, Integer> firstDoc = new TreeMap<>();
        for (int d = papers.size() - 1; d >= 0; d--) {
            LocalDate date = papers.get(d).latest().date();
            if (date != null) {
                firstDoc.put(date.toString(), d);
            }
        }
        int undatedFrom = papers.size();
        while (undatedFrom > 0 && papers.get(undatedFrom - 1).latest().date() == null) {
            undatedFrom--;
        }
        int dated = undatedFrom;
        out.write("f/dates.json", json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("dated", dated);
            g.writeArrayFieldStart("dates");
            for (var e : ((TreeMap<String, Integer>) firstDoc).descendingMap().entrySet()) {
                g.writeStartArray();
                g.writeString(e.getKey());
                g.writeNumber(e.getValue());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
        // One pass over the papers' listings for all channels (a pass per channel was a tenth of
        // the export's CPU on the synthetic archive's 22 channels).
        Map<String, BitSet> byChannel = new HashMap<>();
        for (String ch : channels) {
            byChannel.put(ch, new BitSet(papers.size()));
        }
        for (int d = 0; d < papers.size(); d++) {
            for (Appearance a : papers.get(d).appearances()) {
                BitSet bits = byChannel.get(a.digest().channel());
                if (bits != null) {
                    bits.set(d);
                }
            }
        }
        for (int c = 0; c < channels.size(); c++) {
            BitSet bits = byChannel.get(channels.get(c));
            byte[] raw = new byte[(papers.size() + 7) / 8];
            byte[] set = bits.toByteArray();
            System.arraycopy(set, 0, raw, 0, set.length);
            try (Gzip gz = new Gzip()) {
                out.write("f/c" + c + ".bin", gz.gzip(raw));
            }
        }
    }
}
