package paperbake.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON output for untrusted digest text. Besides the standard escapes it escapes {@code < > &}
 * (so a file can never be sniffed or embedded as markup) and U+2028/U+2029 (line terminators in
 * older JavaScript string literals). Render uses it for JSON-LD inside {@code <script>}, where an
 * escaped {@code <} is what keeps a title holding {@code </script>} from ending the block.
 */
public final class Json {

    private static final class SafeEscapes extends CharacterEscapes {
        private final int[] ascii;

        SafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? new SerializedString("\\u2028")
                    : ch == 0x2029 ? new SerializedString("\\u2029") : null;
        }
    }

    /** Something that writes itself with a generator. */
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private final JsonFactory factory = new JsonFactory();
    private final SafeEscapes escapes = new SafeEscapes();

    public byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.setCharacterEscapes(escapes);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
