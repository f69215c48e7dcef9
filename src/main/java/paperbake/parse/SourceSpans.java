package paperbake.parse;

import java.util.IdentityHashMap;
import java.util.Map;
import paperbake.model.Entry;

/**
 * Where an entry's long fields (TL;DRs and abstracts) stand in its file's text, so that the
 * {@link ParseCache} names them by offset instead of holding a copy: they are most of a digest's
 * bytes, and the cache keeps the file's bytes' digest, so a hit has the same text at hand.
 *
 * <p>Found, not assumed: the parse notes the lines each paragraph of a detail block was read from
 * ({@link #slot}), and a field is looked for, char for char, inside the lines of the paragraph it
 * came from. A field that is not there as it is (its lines were joined, its spaces collapsed) has
 * no offset and is kept as text. One per parse of one file; not shared between threads.
 */
final class SourceSpans {

    /** Offsets of an entry's TL;DRs and abstracts, -1 for a field kept as text. */
    record Offsets(int tldrZh, int tldrEn, int abstractZh, int abstractEn) {}

    private final String text;
    private final boolean decodedAsIs;
    /** Each paragraph string, by identity, with the region of the text it was read from. */
    private final Map<String, int[]> regions = new IdentityHashMap<>();
    private final Map<Entry, Offsets> entries = new IdentityHashMap<>();

    /**
     * @param text        the file's text as {@link RawText} cleaned it: what a cache hit can make again from the bytes
     * @param decodedAsIs whether cleaning changed nothing, so that a hit needs only to decode the bytes
     */
    SourceSpans(String text, boolean decodedAsIs) {
        this.text = text;
        this.decodedAsIs = decodedAsIs;
    }

    boolean decodedAsIs() {
        return decodedAsIs;
    }

    /** Notes that {@code paragraph} was read from {@code text[from, to)} of the text the parse read. */
    void slot(String paragraph, int from, int to) {
        regions.put(paragraph, new int[] {from, to});
    }

    /** Notes where {@code e}'s fields are, each looked for within the paragraph it was taken from (its {@code from}). */
    void entry(Entry e, String tldrZhFrom, String tldrEnFrom, String abstractZhFrom, String abstractEnFrom) {
        entries.put(e, new Offsets(find(e.tldrZh(), tldrZhFrom), find(e.tldrEn(), tldrEnFrom),
                find(e.abstractZh(), abstractZhFrom), find(e.abstractEn(), abstractEnFrom)));
    }

    /** The offsets noted for this very entry object, or null. */
    Offsets of(Entry e) {
        return entries.get(e);
    }

    /**
     * Where {@code field} is in the text within the region {@code from} was read from, or -1.
     * The region is the paragraph's own lines, so the search is bounded by the field's length and
     * the prefix cut from it ("arXiv:… Abstract:").
     */
    private int find(String field, String from) {
        int[] r = from == null || field.isEmpty() ? null : regions.get(from);
        if (r == null) {
            return -1;
        }
        int last = Math.min(r[1], text.length()) - field.length();
        char first = field.charAt(0);
        for (int i = r[0]; i <= last; i++) {
            if (text.charAt(i) == first && text.startsWith(field, i)) {
                return i;
            }
        }
        return -1;
    }
}
