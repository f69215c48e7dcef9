package paperbake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Text's shortcuts must give exactly what the plain definitions give. */
class TextTest {

    /** The definition Text.normalize had before its fast path; the reference for the tests below. */
    private static String reference(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    @Test
    void shortcutsAgreeWithCharacterForEveryChar() {
        for (int c = 0; c <= 0xFFFF; c++) {
            boolean expected = Character.isWhitespace((char) c) || Character.isSpaceChar((char) c);
            assertThat(Text.isSpace((char) c)).as("U+%04X", c).isEqualTo(expected);
            if (Text.isPlain((char) c)) {
                assertThat(expected || Text.isZeroWidth((char) c)).as("U+%04X", c).isFalse();
            }
        }
    }

    @Test
    void normalizeAgreesWithTheReferenceOnRandomText() {
        String alphabet = "ab 中文，  \t\n\u00A0\u3000\u200B\u200C\u200D\u2060\uFEFF\u2028.";
        Random random = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            int len = random.nextInt(12);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < len; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertThat(Text.normalize(s)).as("'%s'", s).isEqualTo(reference(s));
            assertThat(Text.normalize(b)).as("'%s'", s).isEqualTo(reference(s));
            int from = len == 0 ? 0 : random.nextInt(len + 1);
            int to = from + random.nextInt(len - from + 1);
            assertThat(Text.normalize(s, from, to)).as("'%s' [%d, %d)", s, from, to)
                    .isEqualTo(reference(s.substring(from, to)));
        }
    }

    @Test
    void normalTextIsReturnedAsIs() {
        assertThat(Text.normalize("    a b  c ", 4, 11)).isEqualTo("a b c");
        assertThat(Text.normalize("\u200Ba \u200B b\u200B")).isEqualTo("a b");
        assertThat(Text.normalize(" \t ")).isEmpty();
    }
}
