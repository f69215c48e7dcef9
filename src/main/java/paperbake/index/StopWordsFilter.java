package paperbake.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's {@link StopFilter}, asked only about terms that could be stop words: none is longer
 * than the longest one, and when all are ASCII none starts with another character. Every other
 * term (nearly all of an abstract's, and every CJK bigram) is kept without the set's lookup,
 * which hashes the term code point by code point: a seventh of the index stage's CPU under the
 * README's C1-only JIT. The terms kept are exactly {@code StopFilter}'s.
 */
final class StopWordsFilter extends FilteringTokenFilter {

    private final CharArraySet stopWords;
    private final int longest;
    private final boolean ascii;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    StopWordsFilter(TokenStream in, CharArraySet stopWords) {
        super(in);
        this.stopWords = stopWords;
        List<String> words = new ArrayList<>();
        for (Object word : stopWords) { // a CharArraySet's members are char[]
            words.add(word instanceof char[] chars ? new String(chars) : String.valueOf(word));
        }
        this.longest = words.stream().mapToInt(String::length).max().orElse(0);
        // A set that ignores case folds some other characters to ASCII letters (U+0130 to 'i'),
        // so the first-character shortcut holds only for a set that compares chars as they are.
        this.ascii = words.stream().allMatch(w -> w.chars().allMatch(c -> c < 0x80)) && !ignoresCase(stopWords, words);
    }

    private static boolean ignoresCase(CharArraySet set, List<String> words) {
        for (String w : words) {
            String upper = w.toUpperCase(Locale.ROOT);
            if (!upper.equals(w)) {
                return set.contains(upper);
            }
        }
        return false;
    }

    @Override
    protected boolean accept() {
        int length = term.length();
        if (length > longest || length > 0 && ascii && term.buffer()[0] >= 0x80) {
            return true;
        }
        return !stopWords.contains(term.buffer(), 0, length);
    }
}
