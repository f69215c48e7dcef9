package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Exact phrase queries answered over an index without positions, with Lucene's own answer.
 *
 * <p>Why: every topic query has phrases (a Chinese word is the phrase of its bigrams), and
 * indexing positions for them cost over a third of the index stage. A phrase's candidates are
 * the papers with all of its terms in the field (the postings say so without positions); each
 * candidate's field text is then run through the index's analyzer, which gives exactly the
 * positions Lucene would have indexed, and kept when the terms stand at the phrase's relative
 * positions, as Lucene's {@code ExactPhraseMatcher} requires. The phrase is replaced by the set
 * of papers it matches, so the rest of the query (OR, NOT, fields, boosts) is still run by
 * Lucene. Sloppy phrases ({@code "a b"~2}) keep Lucene's own matcher: {@link #answerable} says
 * no, and the build then indexes positions.
 */
final class PhraseMatches {

    private final LuceneIndex index;
    private final Map<String, SearchField> fields = new HashMap<>();

    PhraseMatches(LuceneIndex index) {
        this.index = index;
        for (SearchField f : SearchField.values()) {
            fields.put(f.name, f);
        }
    }

    /**
     * Whether {@link #resolve} can answer {@code q} without positions: it is built only of the
     * query types the topic parser makes that need none, and of exact phrases.
     */
    static boolean answerable(Query q) {
        if (q instanceof BooleanQuery b) {
            return b.clauses().stream().allMatch(c -> answerable(c.getQuery()));
        }
        if (q instanceof BoostQuery b) {
            return answerable(b.getQuery());
        }
        if (q instanceof ConstantScoreQuery c) {
            return answerable(c.getQuery());
        }
        if (q instanceof PhraseQuery p) {
            return p.getSlop() == 0;
        }
        // terms, prefixes, wildcards, fuzzy terms, regular expressions, ranges: postings alone
        return q instanceof TermQuery || q instanceof MultiTermQuery || q instanceof AutomatonQuery
                || q instanceof SynonymQuery || q instanceof MatchAllDocsQuery || q instanceof MatchNoDocsQuery;
    }

    /** {@code q} with every phrase replaced by the papers it matches; {@code q} must be {@link #answerable}. */
    Query resolve(Query q) {
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (BooleanClause c : b.clauses()) {
                out.add(resolve(c.getQuery()), c.getOccur());
            }
            return out.build();
        }
        if (q instanceof BoostQuery b) {
            return new BoostQuery(resolve(b.getQuery()), b.getBoost());
        }
        if (q instanceof ConstantScoreQuery c) {
            return new ConstantScoreQuery(resolve(c.getQuery()));
        }
        if (q instanceof PhraseQuery p) {
            if (p.getSlop() != 0) {
                throw new IllegalStateException("a sloppy phrase needs an index with positions: " + p);
            }
            return new DocSet(p.toString(), matches(p));
        }
        return q;
    }

    /** Global doc numbers of the papers whose field holds the exact phrase. */
    private FixedBitSet matches(PhraseQuery p) {
        Term[] terms = p.getTerms();
        int[] at = p.getPositions();
        FixedBitSet out = new FixedBitSet(Math.max(1, index.papers().size()));
        if (terms.length == 0) {
            return out;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Term t : terms) {
            all.add(new TermQuery(t), BooleanClause.Occur.FILTER);
        }
        FixedBitSet candidates = collect(all.build());
        SearchField field = fields.get(p.getField());
        char[][] wanted = Arrays.stream(terms).map(t -> t.text().toCharArray()).toArray(char[][]::new);
        int[] docs = new int[candidates.cardinality()];
        for (int i = 0, doc = -1; i < docs.length; i++) {
            docs[i] = doc = candidates.nextSetBit(doc + 1);
        }
        // Each candidate is independent and the analyzer keeps a stream per thread: both cores.
        boolean[] hit = new boolean[docs.length];
        IntStream.range(0, docs.length).parallel().forEach(i ->
                hit[i] = contains(field.text.apply(index.papers().get(docs[i])), p.getField(), wanted, at));
        for (int i = 0; i < docs.length; i++) {
            if (hit[i]) {
                out.set(docs[i]);
            }
        }
        return out;
    }

    /**
     * Whether the analyzed {@code text} has {@code terms[i]} at position {@code start + at[i]} for
     * one {@code start}: positions counted as {@code IndexWriter} counts them (the first token at
     * 0, each token's position increment added, so a removed stop word leaves its gap).
     */
    private boolean contains(String text, String field, char[][] terms, int[] at) {
        BitSet[] positions = new BitSet[terms.length];
        try (TokenStream ts = index.analyzer().tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                for (int i = 0; i < terms.length; i++) { // a phrase has a few terms: no hashing, no String
                    if (Arrays.equals(term.buffer(), 0, term.length(), terms[i], 0, terms[i].length)) {
                        if (positions[i] == null) {
                            positions[i] = new BitSet();
                        }
                        positions[i].set(pos);
                    }
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (BitSet b : positions) {
            if (b == null) {
                return false;
            }
        }
        for (int p = positions[0].nextSetBit(0); p >= 0; p = positions[0].nextSetBit(p + 1)) {
            int start = p - at[0];
            boolean all = true;
            for (int i = 1; i < terms.length && all; i++) {
                all = positions[i].get(start + at[i]); // positions only grow: start + at[i] >= p
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private FixedBitSet collect(Query q) {
        return index.matching(q);
    }

    /** A fixed set of global doc numbers as a query (constant score: topics only collect matches). */
    private static final class DocSet extends Query {
        private final String label;
        private final FixedBitSet docs;

        DocSet(String label, FixedBitSet docs) {
            this.label = label;
            this.docs = docs;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            return new ConstantScoreWeight(this, boost) {
                @Override
                public Scorer scorer(LeafReaderContext context) {
                    int base = context.docBase;
                    int max = context.reader().maxDoc();
                    FixedBitSet leaf = new FixedBitSet(Math.max(1, max));
                    for (int d = 0; d < max; d++) {
                        if (base + d < docs.length() && docs.get(base + d)) {
                            leaf.set(d);
                        }
                    }
                    int count = leaf.cardinality();
                    return count == 0 ? null
                            : new ConstantScoreScorer(this, score(), scoreMode, new BitSetIterator(leaf, count));
                }

                @Override
                public boolean isCacheable(LeafReaderContext ctx) {
                    return false;
                }
            };
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public String toString(String field) {
            return "matches(" + label + ")";
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && label.equals(((DocSet) other).label) && docs.equals(((DocSet) other).docs);
        }

        @Override
        public int hashCode() {
            return 31 * classHash() + label.hashCode();
        }
    }
}
