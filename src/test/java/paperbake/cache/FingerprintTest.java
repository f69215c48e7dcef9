package paperbake.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    /** The start of a real digest file (its front matter, table and Chinese text): the kind of bytes the parse cache keys. */
    private static byte[] digest() throws Exception {
        byte[] file = Files.readAllBytes(Path.of("src/test/resources/fixtures/cs.IR/2023-06-09.md"));
        return Arrays.copyOf(file, 2_000);
    }

    @Test
    void isBothCrcsAndTheLengthOfTheBytes() throws Exception {
        byte[] bytes = digest();
        CRC32C c = new CRC32C();
        c.update(bytes);
        CRC32 d = new CRC32();
        d.update(bytes);
        byte[] expected = ByteBuffer.allocate(16).putInt((int) c.getValue()).putInt((int) d.getValue())
                .putLong(bytes.length).array();
        assertThat(new Fingerprint().update(bytes).digest()).isEqualTo(expected);
        // fed in pieces, the same stream
        Fingerprint pieces = new Fingerprint().update(bytes, 0, 10).update(bytes[10]);
        pieces.update(bytes, 11, bytes.length - 11);
        assertThat(pieces.digest()).isEqualTo(expected);
    }

    @Test
    void numbersAreTheirBigEndianBytes() {
        assertThat(new Fingerprint().updateInt(0x01020304).updateLong(0x05060708090a0b0cL).digest())
                .isEqualTo(new Fingerprint().update(HexFormat.of().parseHex("0102030405060708090a0b0c")).digest());
    }

    @Test
    void everyOneBitAndOneByteEditOfADigestGetsAKeyOfItsOwn() throws Exception {
        byte[] bytes = digest();
        Set<String> keys = new HashSet<>();
        keys.add(hex(bytes));
        int edits = 0;
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = bytes.clone();
                flipped[i] ^= (byte) (1 << bit);
                assertThat(keys.add(hex(flipped))).as("bit %d of byte %d", bit, i).isTrue();
                edits++;
            }
            if (i + 1 < bytes.length && bytes[i] != bytes[i + 1]) {
                byte[] swapped = bytes.clone();
                swapped[i] = bytes[i + 1];
                swapped[i + 1] = bytes[i];
                // a swap may equal another edit (a bit flip of two bytes that differ in one bit): only the original must differ
                assertThat(hex(swapped)).isNotEqualTo(hex(bytes));
                edits++;
            }
        }
        assertThat(edits).isGreaterThan(8 * 1000);
    }

    @Test
    void aChangedCharacterOfChineseTextChangesTheKey() {
        byte[] a = "自然语言生成中的不确定性".getBytes(UTF_8);
        byte[] b = "自然语言生成中的确定性不".getBytes(UTF_8);
        assertThat(new Fingerprint().update(a).digest()).isNotEqualTo(new Fingerprint().update(b).digest());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(new Fingerprint().update(bytes).digest());
    }
}
