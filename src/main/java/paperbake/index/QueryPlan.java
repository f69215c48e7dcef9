package paperbake.index;

import java.util.List;

/**
 * What a search box text stands for, as the browser plans it ({@code assets/js/search-engine.js},
 * {@code plan}): word groups, the plan's distinct dictionary terms and the group bonus.
 *
 * @param groups one per analyzed word (kind {@code word}), the last word with its completions
 *     ({@code prefix}) or an unknown word replaced by its closest terms ({@code typo}); each
 *     group's terms (those that make a paper match it) are among {@code terms}
 * @param terms the distinct terms, in plan order, all scored with BM25; a completion of the last
 *     word is here even when it does not count for its group ({@link #wordDominates})
 * @param bonus what each matched group adds: a power of two above any BM25 sum of the terms, so
 *     a paper matching more groups always ranks first
 */
public record QueryPlan(List<Group> groups, List<String> terms, float bonus) {

    public QueryPlan {
        groups = List.copyOf(groups);
        terms = List.copyOf(terms);
    }

    public record Group(String word, String kind, List<String> terms) {
        public Group {
            terms = List.copyOf(terms);
        }
    }

    /**
     * How much more frequent than its most frequent completion the last word as typed must be to
     * count for its prefix group alone (search-engine.js {@code WORD_SHARE}). Measured on the
     * benchmark's six query sets (docs/SEARCH.md, "Ranking"): 1.5 to 3 keep every known-item set
     * and fix two-word topics; at 1.25 or below "Simulating Use" (use 4,098 papers, user 2,887)
     * no longer completes to the title's word.
     */
    public static final double WORD_SHARE = 2;

    /**
     * Does the last word stand for its group by itself, its completions only adding their BM25?
     * Yes when it is a term of at least {@link #WORD_SHARE} times the document frequency of its
     * most frequent completion: {@code translation} (993) over {@code translational} (5); a cut-off
     * {@code stru} or a short {@code mod} against {@code model} still completes.
     *
     * @param wordDf the typed word's document frequency, 0 when it is not a term
     * @param topCompletionDf the largest document frequency among its completions, 0 without any
     */
    public static boolean wordDominates(int wordDf, int topCompletionDf) {
        return wordDf > 0 && wordDf >= WORD_SHARE * topCompletionDf;
    }

    /** Twice the smallest power of two at or above {@code max} (the sum of the terms' best scores). */
    public static float bonusAbove(double max) {
        double b = 1;
        while (b < max) {
            b *= 2;
        }
        return (float) (2 * b);
    }
}
