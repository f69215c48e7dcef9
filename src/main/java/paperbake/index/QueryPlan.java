package paperbake.index;

import java.util.List;

/**
 * What a search box text stands for, as the browser plans it ({@code assets/js/search-engine.js},
 * {@code plan}): word groups, the plan's distinct dictionary terms and the group bonus.
 *
 * @param groups one per analyzed word (kind {@code word}), the last word with its completions
 *     ({@code prefix}) or an unknown word replaced by its closest terms ({@code typo}); each
 *     group's terms are among {@code terms}
 * @param terms the distinct terms, in plan order
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

    /** Twice the smallest power of two at or above {@code max} (the sum of the terms' best scores). */
    public static float bonusAbove(double max) {
        double b = 1;
        while (b < max) {
            b *= 2;
        }
        return (float) (2 * b);
    }
}
