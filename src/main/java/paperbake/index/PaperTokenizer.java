package paperbake.index;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits text into Latin-style words and single CJK characters.
 *
 * <p>Why not {@link StandardTokenizer}: the browser has to reproduce this tokenizer exactly, and
 * UAX#29 word breaking (with its many special cases for apostrophes, decimal points, emoji...)
 * is too large to re-implement faithfully in a small script. This rule set is short enough to
 * be written twice — here and in {@code assets/js/search-analyzer.js} — and checked by test
 * vectors:
 *
 * <ol>
 *   <li>each code point on its own is NFKC-normalized (full-width forms, ligatures, circled
 *       digits become plain characters) and lower-cased with {@link String#toLowerCase(Locale)}
 *       in the root locale; doing it per code point keeps offsets simple and matches what
 *       {@code String.prototype.normalize}/{@code toLowerCase} do in the browser;
 *   <li>a Han, Hiragana or Katakana character is a token of its own, typed like
 *       StandardTokenizer's so that {@code CJKBigramFilter} turns runs of them into bigrams;
 *   <li>a maximal run of other letters, digits and marks is a word; everything else separates;
 *   <li>words longer than {@value #MAX_WORD} UTF-16 units (TeX soup, base64) are dropped.
 * </ol>
 *
 * Offsets refer to the normalized text, which is what the bigram filter's adjacency test sees.
 */
public final class PaperTokenizer extends Tokenizer {

    static final int MAX_WORD = 48;
    public static final String TYPE_WORD = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
    static final String TYPE_HAN = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
    static final String TYPE_HIRAGANA = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA];
    static final String TYPE_KATAKANA = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA];

    /** One raw token; offsets are in the normalized string. */
    public record Token(String text, String type, int start, int end) {}

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    /**
     * The field's text as read, then normalized, kept between fields: tokens are cut from
     * {@link #norm} as they are asked for. Building a {@link Token} and a substring per token
     * first was a sixth of the index stage's CPU (docs/BENCHMARKS.md, "Build").
     */
    private char[] raw = new char[1024];
    private char[] norm = new char[1024];
    private int length;
    private int next;
    private int finalOffset;

    @Override
    public void reset() throws IOException {
        super.reset();
        int n = 0;
        for (int r; (r = input.read(raw, n, raw.length - n)) != -1; ) {
            n += r;
            if (n == raw.length) {
                raw = Arrays.copyOf(raw, raw.length * 2);
            }
        }
        length = normalize(raw, n);
        finalOffset = correctOffset(length);
        next = 0;
    }

    /** Normalizes {@code raw[0, n)} into {@link #norm}, as {@link #normalize(CharSequence)} does; returns its length. */
    private int normalize(char[] in, int n) {
        int out = 0;
        for (int i = 0; i < n; ) {
            char ch = in[i];
            String mapped;
            if (!Character.isSurrogate(ch)) {
                mapped = BMP_NORMALIZED[ch];
                i++;
                if (mapped == null) {
                    if (out == norm.length) {
                        norm = Arrays.copyOf(norm, norm.length * 2);
                    }
                    norm[out++] = ch;
                    continue;
                }
            } else {
                int cp = Character.codePointAt(in, i, n);
                i += Character.charCount(cp);
                mapped = normalizeSlow(cp);
            }
            if (out + mapped.length() > norm.length) {
                norm = Arrays.copyOf(norm, Math.max(norm.length * 2, out + mapped.length()));
            }
            mapped.getChars(0, mapped.length(), norm, out);
            out += mapped.length();
        }
        return out;
    }

    /** The next token of {@link #norm}, by the rules of {@link #split}. */
    @Override
    public boolean incrementToken() {
        int i = next;
        int wordStart = -1;
        while (i < length) {
            int cp = Character.codePointAt(norm, i, length);
            int len = Character.charCount(cp);
            byte cls = classOf(cp);
            if (cls == WORD) {
                if (wordStart < 0) {
                    wordStart = i;
                }
                i += len;
                continue;
            }
            if (wordStart >= 0) {
                if (i - wordStart <= MAX_WORD) {
                    return emit(wordStart, i, TYPE_WORD);
                }
                wordStart = -1; // too long: dropped; the character that ended it is looked at again
                continue;
            }
            if (cls != SEPARATOR) {
                return emit(i, i + len, cls == HAN ? TYPE_HAN : cls == HIRAGANA ? TYPE_HIRAGANA : TYPE_KATAKANA);
            }
            i += len;
        }
        next = length;
        if (wordStart >= 0 && length - wordStart <= MAX_WORD) {
            return emit(wordStart, length, TYPE_WORD);
        }
        return false;
    }

    private boolean emit(int start, int end, String type) {
        clearAttributes();
        termAtt.copyBuffer(norm, start, end - start);
        offsetAtt.setOffset(correctOffset(start), correctOffset(end));
        typeAtt.setType(type);
        next = end;
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void close() throws IOException {
        super.close();
        // a huge field's buffers are not kept for the next, usually small, one
        if (raw.length > KEPT_BUFFER) {
            raw = new char[1024];
            norm = new char[1024];
        }
        length = 0;
        next = 0;
    }

    private static final int KEPT_BUFFER = 1 << 16;

    /**
     * Per-BMP-character normalization and class, computed once: calling {@link Normalizer} per
     * character made indexing several times slower. Immutable after class initialization.
     */
    private static final String[] BMP_NORMALIZED = new String[0x10000];
    private static final byte[] BMP_CLASS = new byte[0x10000];
    private static final byte SEPARATOR = 0, WORD = 1, HAN = 2, HIRAGANA = 3, KATAKANA = 4;

    static {
        for (int c = 0; c < 0x10000; c++) {
            String n = normalizeSlow(c);
            BMP_NORMALIZED[c] = n.length() == 1 && n.charAt(0) == c ? null : n;
            BMP_CLASS[c] = classify(c);
        }
    }

    /** Per-code-point NFKC then root-locale lower case. */
    public static String normalize(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        String s = text.toString();
        for (int i = 0; i < s.length(); ) {
            char ch = s.charAt(i);
            if (!Character.isSurrogate(ch)) {
                String n = BMP_NORMALIZED[ch];
                if (n == null) {
                    out.append(ch);
                } else {
                    out.append(n);
                }
                i++;
            } else {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                out.append(normalizeSlow(cp));
            }
        }
        return out.toString();
    }

    private static String normalizeSlow(int cp) {
        if (cp < 0x80) {
            return String.valueOf((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        }
        String one = new String(Character.toChars(cp));
        return Normalizer.normalize(one, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static byte classify(int cp) {
        if (cp >= 0x2E80) {
            switch (Character.UnicodeScript.of(cp)) {
                case HAN: return HAN;
                case HIRAGANA: return HIRAGANA;
                case KATAKANA: return KATAKANA;
                default: break;
            }
        }
        return isWordChar(cp) ? WORD : SEPARATOR;
    }

    private static byte classOf(int cp) {
        return cp < 0x10000 ? BMP_CLASS[cp] : classify(cp);
    }

    /** Splits already-normalized text. */
    public static List<Token> split(String s) {
        List<Token> out = new ArrayList<>();
        int wordStart = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            byte cls = classOf(cp);
            if (cls != WORD) {
                if (wordStart >= 0) {
                    addWord(out, s, wordStart, i);
                    wordStart = -1;
                }
                if (cls != SEPARATOR) {
                    String type = cls == HAN ? TYPE_HAN : cls == HIRAGANA ? TYPE_HIRAGANA : TYPE_KATAKANA;
                    out.add(new Token(s.substring(i, i + len), type, i, i + len));
                }
            } else if (wordStart < 0) {
                wordStart = i;
            }
            i += len;
        }
        if (wordStart >= 0) {
            addWord(out, s, wordStart, s.length());
        }
        return out;
    }

    private static void addWord(List<Token> out, String s, int start, int end) {
        if (end - start <= MAX_WORD) {
            out.add(new Token(s.substring(start, end), TYPE_WORD, start, end));
        }
    }

    /** Letters, digits (any numeric) and marks: the JS side uses {@code [\p{L}\p{N}\p{M}]}. */
    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }
}
