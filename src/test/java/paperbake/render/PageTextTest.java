package paperbake.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PageText} gives the bytes an {@code OutputStreamWriter} to UTF-8 wrote, however the text is cut into writes. */
class PageTextTest {

    /** ASCII, Latin, CJK, an emoji (a surrogate pair), and surrogates without their other half. */
    private static final char[] ALPHABET = "a<&\n é€中文😀\uD83D\uDE00\uD800\uDC00".toCharArray();

    @Test
    void randomTextCutAnywhereEncodesAsTheJdkDoes() throws IOException {
        Random random = new Random(14);
        for (int round = 0; round < 2_000; round++) {
            List<String> writes = new ArrayList<>();
            for (int w = random.nextInt(6); w >= 0; w--) {
                StringBuilder s = new StringBuilder();
                for (int n = random.nextInt(12); n > 0; n--) {
                    s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
                }
                writes.add(s.toString());
            }
            assertThat(pageText(writes, round)).as("writes %s", writes).isEqualTo(outputStreamWriter(writes));
        }
    }

    @Test
    void aPairSplitAcrossWritesIsOneCharacterAndALoneHalfIsAQuestionMark() {
        assertThat(pageText(List.of("x\uD83D", "\uDE00y"), 0)).isEqualTo("x😀y".getBytes(StandardCharsets.UTF_8));
        assertThat(pageText(List.of("x\uD83D", "y"), 0)).isEqualTo("x?y".getBytes(StandardCharsets.UTF_8));
        assertThat(pageText(List.of("\uDE00", "\uD83D"), 0)).isEqualTo("??".getBytes(StandardCharsets.UTF_8));
        assertThat(pageText(List.of("中".repeat(5_000)), 0)).hasSize(15_000);
    }

    /** Each write through a different one of Writer's methods, as Freemarker uses them. */
    private static byte[] pageText(List<String> writes, int round) {
        PageText text = new PageText(4);
        for (int i = 0; i < writes.size(); i++) {
            String s = writes.get(i);
            switch ((round + i) % 3) {
                case 0 -> text.write(s, 0, s.length());
                case 1 -> text.write(s.toCharArray(), 0, s.length());
                default -> s.chars().forEach(text::write);
            }
        }
        return text.toByteArray();
    }

    private static byte[] outputStreamWriter(List<String> writes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            for (String s : writes) {
                out.write(s);
            }
        }
        return bytes.toByteArray();
    }
}
