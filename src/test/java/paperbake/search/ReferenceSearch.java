package paperbake.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import paperbake.index.FrontCoding;
import paperbake.index.LuceneIndex;
import paperbake.index.PaperAnalyzer;
import paperbake.index.PaperTokenizer;
import paperbake.index.QueryPlan;

/**
 * Lucene's side of the parity tests: the same query plan the browser builds (analyzed terms,
 * plus completions of the last word) run through {@code IndexSearcher}.
 */
final class ReferenceSearch {

    static final int MAX_TERMS = 24;
    static final int MAX_PLAN_TERMS = 30;
    static final int MAX_EXPANSIONS = 6;
    static final int MAX_TYPO_SHARDS = 6;
    static final int MAX_FALLBACKS = 3;
    private static final Pattern CJK_CHAR = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

    /** A hit; {@code max} is the score's upper bound when only bounds are known (else = score). */
    record Hit(int doc, float score, float max) {
        Hit(int doc, float score) {
            this(doc, score, score);
        }
    }

    /** A term's document frequency and its best score (the first posting's). */
    record Stat(int df, double max) {}

    private final LuceneIndex index;
    private final TreeMap<String, Stat> stats;
    private final List<String> shardFirst;

    ReferenceSearch(LuceneIndex index, Map<String, Stat> stats, Path manifest) {
        this.index = index;
        this.stats = new TreeMap<>(stats);
        this.shardFirst = shards(manifest);
    }

    /** The manifest's shard boundaries, read as the browser reads them. */
    private static List<String> shards(Path manifest) {
        try (JsonParser p = new JsonFactory().createParser(manifest.toFile())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.getCurrentName().equals("shards") && p.getParsingContext().getParent().inRoot()) {
                    p.nextToken();
                    return FrontCoding.decode(p.getText());
                }
            }
            throw new IllegalStateException("no shards in manifest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser's plan (search-engine.js {@code plan}), rule for rule. */
    QueryPlan plan(String text, boolean prefix) {
        List<String> words = new ArrayList<>(new LinkedHashSet<>(new PaperAnalyzer().terms(text)));
        List<String[]> kinds = new ArrayList<>(); // {word, kind}
        List<List<String>> terms = new ArrayList<>();
        for (String w : words.subList(0, Math.min(MAX_TERMS, words.size()))) {
            kinds.add(new String[] {w, "word"});
            terms.add(new ArrayList<>(List.of(w)));
        }
        String p = prefix ? lastPrefix(text) : null;
        if (p != null) {
            int g = 0;
            while (g < kinds.size() && !kinds.get(g)[0].equals(p)) {
                g++;
            }
            if (g == kinds.size()) {
                kinds.add(new String[] {p, "word"});
                terms.add(new ArrayList<>());
            }
            kinds.get(g)[1] = "prefix";
            terms.get(g).addAll(expand(p));
        }
        LinkedHashSet<String> planTerms = new LinkedHashSet<>();
        List<QueryPlan.Group> groups = new ArrayList<>();
        for (int g = 0; g < kinds.size(); g++) {
            List<String> known = terms.get(g).stream().filter(stats::containsKey).toList();
            if (known.isEmpty()) {
                known = fallback(kinds.get(g)[0]);
                if (!known.isEmpty()) {
                    kinds.get(g)[1] = "typo";
                }
            }
            for (String t : known) {
                if (planTerms.size() < MAX_PLAN_TERMS) {
                    planTerms.add(t);
                }
            }
            List<String> counted = kinds.get(g)[1].equals("prefix") && dominates(kinds.get(g)[0], known)
                    ? List.of(kinds.get(g)[0]) : known;
            List<String> kept = counted.stream().filter(planTerms::contains).toList();
            if (!kept.isEmpty()) {
                groups.add(new QueryPlan.Group(kinds.get(g)[0], kinds.get(g)[1], kept));
            }
        }
        double max = 0;
        for (String t : planTerms) {
            max += stats.get(t).max();
        }
        return new QueryPlan(groups, List.copyOf(planTerms), QueryPlan.bonusAbove(max));
    }

    /** search-engine.js {@code wordDominates}: the typed word against its known completions. */
    private boolean dominates(String word, List<String> known) {
        int top = known.stream().filter(t -> !t.equals(word)).mapToInt(t -> stats.get(t).df()).max().orElse(0);
        return QueryPlan.wordDominates(known.contains(word) ? stats.get(word).df() : 0, top);
    }

    static String lastPrefix(String text) {
        String norm = PaperTokenizer.normalize(text);
        List<PaperTokenizer.Token> raw = PaperTokenizer.split(norm);
        if (raw.isEmpty()) {
            return null;
        }
        PaperTokenizer.Token last = raw.get(raw.size() - 1);
        if (last.end() != norm.length()) {
            return null;
        }
        boolean cjk = !last.type().equals(PaperTokenizer.TYPE_WORD);
        if (cjk) {
            if (raw.size() > 1) {
                PaperTokenizer.Token prev = raw.get(raw.size() - 2);
                if (!prev.type().equals(PaperTokenizer.TYPE_WORD) && prev.end() == last.start()) {
                    return null;
                }
            }
            return last.text();
        }
        String p = last.text();
        if (!PaperAnalyzer.STOP_WORDS.contains(p)) {
            char[] c = p.toCharArray();
            p = new String(c, 0, new EnglishMinimalStemmer().stem(c, c.length));
        }
        return p.length() >= 2 ? p : null;
    }

    private int shardIndex(String term) {
        int lo = 0;
        int hi = shardFirst.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (shardFirst.get(mid).compareTo(term) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Every dictionary term of shards [first, last], in dictionary order. */
    private List<Map.Entry<String, Stat>> terms(int first, int last) {
        var tail = stats.tailMap(shardFirst.get(first), true);
        var range = last + 1 < shardFirst.size() ? tail.headMap(shardFirst.get(last + 1), false) : tail;
        return new ArrayList<>(range.entrySet());
    }

    private static List<String> byFrequency(List<Map.Entry<String, Stat>> found, int limit) {
        List<Map.Entry<String, Stat>> sorted = new ArrayList<>(found);
        sorted.sort((a, b) -> a.getValue().df() != b.getValue().df() ? b.getValue().df() - a.getValue().df()
                : a.getKey().compareTo(b.getKey()));
        return sorted.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    /** The most frequent completions in the whole dictionary (the browser reads them from shards or p/<n>.json). */
    List<String> expand(String p) {
        return byFrequency(stats.subMap(p, false, p + '\uffff', false).entrySet().stream().toList(), MAX_EXPANSIONS);
    }

    /** search-engine.js {@code fallback}: closest terms by edit distance, else the longest known prefix. */
    List<String> fallback(String word) {
        if (word.length() < 4 || CJK_CHAR.matcher(word).find()) {
            return List.of();
        }
        int first = shardIndex(word);
        int last = first;
        int scope = word.length();
        for (int len = 2; len < word.length(); len++) {
            String p = word.substring(0, len);
            int a = shardIndex(p);
            int b = shardIndex(p + '\uffff');
            if (b - a + 1 <= MAX_TYPO_SHARDS) {
                first = a;
                last = b;
                scope = len;
                break;
            }
        }
        List<Map.Entry<String, Stat>> known = terms(first, last).stream()
                .filter(e -> !CJK_CHAR.matcher(e.getKey()).find()).toList();
        int limit = word.length() >= 8 ? 2 : 1;
        int best = limit + 1;
        List<Map.Entry<String, Stat>> near = new ArrayList<>();
        for (var e : known) {
            if (Math.abs(e.getKey().length() - word.length()) > limit) {
                continue;
            }
            int d = distance(word, e.getKey(), limit);
            if (d > limit) {
                continue;
            }
            if (d < best) {
                best = d;
                near = new ArrayList<>(List.of(e));
            } else if (d == best) {
                near.add(e);
            }
        }
        if (near.isEmpty()) {
            for (int len = word.length() - 1; len >= Math.max(scope, 4); len--) {
                String p = word.substring(0, len);
                near = known.stream().filter(e -> e.getKey().startsWith(p)).toList();
                if (!near.isEmpty()) {
                    break;
                }
            }
        }
        return byFrequency(near, MAX_FALLBACKS);
    }

    /**
     * Damerau-Levenshtein distance by Lucene's own Levenshtein automata (not a copy of the
     * browser's dynamic programme, so the two implementations check each other), or limit + 1.
     */
    static int distance(String word, String term, int limit) {
        LevenshteinAutomata la = new LevenshteinAutomata(word, true);
        for (int n = 0; n <= limit; n++) {
            if (new CharacterRunAutomaton(la.toAutomaton(n)).run(term)) {
                return n;
            }
        }
        return limit + 1;
    }

    /** Lucene's top {@code n} for the plan, keeping only documents the filter accepts. */
    List<Hit> search(QueryPlan plan, int n, IntPredicate accept) {
        try {
            int want = accept == null ? n : index.reader().maxDoc();
            TopDocs td = index.searcher().search(LuceneIndex.query(plan), Math.max(1, want));
            List<Hit> out = new ArrayList<>();
            for (ScoreDoc sd : td.scoreDocs) {
                if (accept == null || accept.test(sd.doc)) {
                    out.add(new Hit(sd.doc, sd.score));
                    if (out.size() == n) {
                        break;
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Newest first (search-engine.js {@code newest}): every accepted paper matching the most
     * groups, in doc order. A score is bonus × groups + a BM25 sum below bonus / 2, so the group
     * count is the score divided by the bonus, rounded down.
     */
    List<Integer> newest(QueryPlan plan, IntPredicate accept) {
        List<Hit> all = search(plan, index.reader().maxDoc(), accept);
        int best = 0;
        for (Hit h : all) {
            best = Math.max(best, (int) (h.score() / plan.bonus()));
        }
        int most = best;
        return all.stream().filter(h -> (int) (h.score() / plan.bonus()) == most).map(Hit::doc).sorted().toList();
    }
}
