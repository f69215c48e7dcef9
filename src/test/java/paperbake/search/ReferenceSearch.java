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
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import paperbake.index.FrontCoding;
import paperbake.index.LuceneIndex;
import paperbake.index.PaperAnalyzer;
import paperbake.index.PaperTokenizer;

/**
 * Lucene's side of the parity tests: the same query plan the browser builds (analyzed terms,
 * plus completions of the last word) run through {@code IndexSearcher}.
 */
final class ReferenceSearch {

    static final int MAX_TERMS = 24;
    static final int MAX_EXPANSIONS = 6;
    static final int MAX_PREFIX_SHARDS = 3;

    /** A hit; {@code max} is the score's upper bound when only bounds are known (else = score). */
    record Hit(int doc, float score, float max) {
        Hit(int doc, float score) {
            this(doc, score, score);
        }
    }

    private final LuceneIndex index;
    private final TreeMap<String, Integer> dfByTerm;
    private final List<String> shardFirst;

    ReferenceSearch(LuceneIndex index, Map<String, Integer> df, Path manifest) {
        this.index = index;
        this.dfByTerm = new TreeMap<>(df);
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

    List<String> plan(String text, boolean prefix) {
        List<String> exact = new ArrayList<>(new LinkedHashSet<>(new PaperAnalyzer().terms(text)));
        if (exact.size() > MAX_TERMS) {
            exact = exact.subList(0, MAX_TERMS);
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(exact);
        if (prefix) {
            String p = lastPrefix(text);
            boolean cjk = p != null && !PaperTokenizer.split(p).isEmpty()
                    && !PaperTokenizer.split(p).get(0).type().equals(PaperTokenizer.TYPE_WORD);
            if (p != null && (cjk || !dfByTerm.containsKey(p))) {
                all.addAll(expand(p));
            }
        }
        return List.copyOf(all);
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

    List<String> expand(String p) {
        if (shardIndex(p + '\uffff') - shardIndex(p) + 1 > MAX_PREFIX_SHARDS) {
            return List.of();
        }
        List<Map.Entry<String, Integer>> found = new ArrayList<>();
        for (var e : dfByTerm.tailMap(p, false).entrySet()) {
            if (!e.getKey().startsWith(p)) {
                break;
            }
            found.add(e);
        }
        found.sort((a, b) -> !a.getValue().equals(b.getValue()) ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()));
        return found.stream().limit(MAX_EXPANSIONS).map(Map.Entry::getKey).toList();
    }

    /** Lucene's top {@code n} for the plan, keeping only documents the filter accepts. */
    List<Hit> search(List<String> terms, int n, IntPredicate accept) {
        try {
            int want = accept == null ? n : index.reader().maxDoc();
            TopDocs td = index.searcher().search(LuceneIndex.query(terms), Math.max(1, want));
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
}
