package paperbake.index;

import java.util.function.Function;
import paperbake.model.Paper;

/**
 * The indexed fields and their query-time boosts.
 *
 * <p>Why these weights: readers search by half-remembered titles, so a title hit should beat a
 * paper that merely mentions the words in passing; the TL;DR is a one-sentence summary written
 * to be topical, so it sits between; abstracts are long and repeat generic vocabulary
 * ("model", "language", "模型"), so they count least. BM25's length normalization already
 * favours the short fields per occurrence; the boosts set the order of the field classes. The
 * measurements behind 3 / 1.5 / 1 are in docs/SEARCH.md.
 */
public enum SearchField {
    TITLE_EN("te", 3f, Paper::titleEn),
    TITLE_ZH("tz", 3f, Paper::titleZh),
    TLDR_ZH("sz", 1.5f, Paper::tldrZh),
    TLDR_EN("se", 1.5f, Paper::tldrEn),
    ABSTRACT_ZH("az", 1f, Paper::abstractZh),
    ABSTRACT_EN("ae", 1f, Paper::abstractEn);

    public final String name;
    public final float boost;
    public final Function<Paper, String> text;

    SearchField(String name, float boost, Function<Paper, String> text) {
        this.name = name;
        this.boost = boost;
        this.text = text;
    }
}
