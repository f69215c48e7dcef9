package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class StopWordsFilterTest {

    /** The terms of {@code text} through {@code source}, CJK bigrams and then {@code stop}. */
    private static List<String> terms(Tokenizer source, String text, UnaryOperator<TokenStream> stop) throws IOException {
        source.setReader(new StringReader(text));
        TokenStream ts = stop.apply(new CJKBigramFilter(source,
                CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA, false));
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        List<String> out = new ArrayList<>();
        ts.reset();
        while (ts.incrementToken()) {
            out.add(term.toString());
        }
        ts.end();
        ts.close();
        return out;
    }

    @Test
    void keepsExactlyWhatStopFilterKeepsOnRealDigests() throws IOException {
        CharArraySet words = PaperAnalyzer.STOP_WORDS;
        List<Path> digests;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/fixtures"))) {
            digests = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(digests).hasSizeGreaterThan(10);
        int stopped = 0;
        int kept = 0;
        for (Path p : digests) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            List<String> all = terms(new PaperTokenizer(), text, ts -> ts);
            List<String> lucene = terms(new PaperTokenizer(), text, ts -> new StopFilter(ts, words));
            List<String> ours = terms(new PaperTokenizer(), text, ts -> new StopWordsFilter(ts, words));
            assertThat(ours).as(p.toString()).isEqualTo(lucene);
            stopped += all.size() - ours.size();
            kept += ours.size();
        }
        assertThat(stopped).as("stop words met").isGreaterThan(100);
        assertThat(kept).isGreaterThan(10_000);
    }

    @Test
    void aSetThatIgnoresCaseIsAskedAboutEveryShortTerm() throws IOException {
        // U+0130 lower-cases to 'i', so "İt" is the stop word "it" to a set that ignores case
        CharArraySet words = new CharArraySet(List.of("it", "the"), true);
        String text = "İt THE cat sat 中文";
        assertThat(terms(new WhitespaceTokenizer(), text, ts -> new StopWordsFilter(ts, words)))
                .isEqualTo(terms(new WhitespaceTokenizer(), text, ts -> new StopFilter(ts, words)))
                .containsExactly("cat", "sat", "中文");
    }
}
