package paperbake.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code p/<n>.json}: for every prefix whose terms span more than {@link #MAX_PREFIX_SHARDS} term
 * shards, its {@link #MAX_EXPANSIONS} most frequent completions (ties by term). The browser
 * completes the last word as typed from the shards themselves when they are few, and from this
 * file otherwise, so a two-letter prefix ({@code ro}, {@code wi}) costs one small file instead of
 * dozens of shards. The table is cut into {@link #BUCKETS} files by the prefix's first UTF-16
 * unit (most of it is lone Han characters, which a Latin prefix never needs). Both paths give
 * the same answer: the most frequent completions in the whole dictionary.
 */
final class CompletionsWriter {

    /** search-engine.js has the same two numbers. */
    static final int MAX_PREFIX_SHARDS = 3;
    static final int MAX_EXPANSIONS = 6;
    static final int BUCKETS = 16;

    private static final Comparator<TermScores.DictionaryTerm> BY_FREQUENCY =
            Comparator.comparingInt(TermScores.DictionaryTerm::df).reversed().thenComparing(TermScores.DictionaryTerm::term);

    private final IndexFiles out;
    private final Json json = new Json();

    CompletionsWriter(IndexFiles out) {
        this.out = out;
    }

    /** {@code terms} in dictionary (UTF-16) order; {@code shardFirst} as the manifest lists them. */
    void write(List<TermScores.DictionaryTerm> terms, List<String> shardFirst) {
        List<String> sorted = terms.stream().map(TermScores.DictionaryTerm::term).toList();
        Map<String, List<String>> completions = new TreeMap<>();
        // A prefix spanning several shards is a prefix of the boundaries inside its range.
        for (String boundary : shardFirst) {
            for (int len = 1; len <= boundary.length(); len++) {
                if (Character.isHighSurrogate(boundary.charAt(len - 1))) {
                    continue; // never split a surrogate pair
                }
                String p = boundary.substring(0, len);
                if (completions.containsKey(p) || shard(shardFirst, p + '\uffff') - shard(shardFirst, p) + 1 <= MAX_PREFIX_SHARDS) {
                    continue;
                }
                int from = insertionPoint(sorted, p);
                int to = insertionPoint(sorted, p + '\uffff');
                List<TermScores.DictionaryTerm> found = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    if (!terms.get(i).term().equals(p)) {
                        found.add(terms.get(i));
                    }
                }
                found.sort(BY_FREQUENCY);
                completions.put(p, found.stream().limit(MAX_EXPANSIONS).map(TermScores.DictionaryTerm::term).toList());
            }
        }
        for (int b = 0; b < BUCKETS; b++) {
            int bucket = b;
            out.write("p/" + b + ".json", json.write(g -> {
                g.writeStartObject();
                for (var e : completions.entrySet()) {
                    if (bucket(e.getKey()) != bucket) {
                        continue;
                    }
                    g.writeArrayFieldStart(e.getKey());
                    for (String t : e.getValue()) {
                        g.writeString(t);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }));
        }
    }

    static int bucket(String prefix) {
        return prefix.charAt(0) % BUCKETS;
    }

    /** The shard that would hold {@code term}, as the browser picks it. */
    static int shard(List<String> shardFirst, String term) {
        int at = Collections.binarySearch(shardFirst, term);
        return at >= 0 ? at : -at - 2;
    }

    private static int insertionPoint(List<String> sorted, String key) {
        int at = Collections.binarySearch(sorted, key);
        return at >= 0 ? at : -at - 1;
    }
}
