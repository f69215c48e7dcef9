package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer cuts tokens from its buffer as Lucene asks for them; {@link PaperTokenizer#split}
 * (what the browser's analyzer is checked against) states the rules on a whole string. They must agree.
 */
class PaperTokenizerTest {

    @Test
    void streamedTokensAreThoseOfSplitOnEdgeCases() throws IOException {
        List<String> texts = List.of("", " ", "a", "大", "大语言模型 for LLMs", "ＬＬＭ幻觉，ＧＰＴ－４",
                "x".repeat(48) + " " + "y".repeat(49) + "大" + "z".repeat(49), "ﬁne ½ ① Ⅻ", "ひらがなカタカナ漢字",
                "emoji 😀 and 𠀀𠀁 supplementary", "lone \uD800 high and \uDC00 low", "end with word",
                "café\u0301 naïve", "tab\tnew\nline", "a".repeat(3000) + " b " + "中".repeat(5000));
        PaperTokenizer tokenizer = new PaperTokenizer();
        for (String text : texts) {
            assertThat(streamed(tokenizer, text)).as(text).isEqualTo(PaperTokenizer.split(PaperTokenizer.normalize(text)));
        }
    }

    @Test
    void streamedTokensAreThoseOfSplitOnRandomText() throws IOException {
        // letters, digits, CJK, full-width forms, ligatures, marks, punctuation, surrogates (paired or not)
        String alphabet = "aZ9 -.,'_é\u0301ＡＢ１ﬁ①大语言模型ひカ\uD83D\uDE00\uD800\uDC00\uDFFF\t";
        Random random = new Random(14);
        PaperTokenizer tokenizer = new PaperTokenizer();
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(i % 100 == 0 ? 5000 : 80);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            assertThat(streamed(tokenizer, text)).as(text).isEqualTo(PaperTokenizer.split(PaperTokenizer.normalize(text)));
        }
    }

    /** Reuses one tokenizer, as the analyzer does from field to field. */
    private static List<PaperTokenizer.Token> streamed(PaperTokenizer tokenizer, String text) throws IOException {
        tokenizer.setReader(new StringReader(text));
        CharTermAttribute term = tokenizer.getAttribute(CharTermAttribute.class);
        OffsetAttribute offset = tokenizer.getAttribute(OffsetAttribute.class);
        TypeAttribute type = tokenizer.getAttribute(TypeAttribute.class);
        List<PaperTokenizer.Token> out = new ArrayList<>();
        tokenizer.reset();
        while (tokenizer.incrementToken()) {
            out.add(new PaperTokenizer.Token(term.toString(), type.type(), offset.startOffset(), offset.endOffset()));
        }
        tokenizer.end();
        assertThat(offset.endOffset()).isEqualTo(PaperTokenizer.normalize(text).length());
        tokenizer.close();
        return out;
    }
}
