package paperbake.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one analyzer used for every field and for queries: {@link PaperTokenizer}, CJK bigrams,
 * English stop words, English minimal (plural) stemming.
 *
 * <p>Chinese is indexed as overlapping bigrams (a lone Han character stays a unigram). A
 * dictionary segmenter (smartcn) was measured against this on real queries — see
 * docs/SEARCH.md — and it could not run in the browser without shipping its dictionary anyway.
 * Stemming is the minimal plural stemmer, not Porter: it is a dozen lines to mirror in
 * JavaScript and it already makes "models"/"model" and "LLMs"/"LLM" meet.
 */
public final class PaperAnalyzer extends Analyzer {

    /** Bumped whenever the rules change; the client refuses an index built with another version. */
    public static final int VERSION = 1;

    public static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new PaperTokenizer();
        TokenStream stream = new CJKBigramFilter(source,
                CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA, false);
        stream = new StopWordsFilter(stream, STOP_WORDS); // StopFilter's output, in less time
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /** The terms of {@code text} in order, duplicates kept. */
    public List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
