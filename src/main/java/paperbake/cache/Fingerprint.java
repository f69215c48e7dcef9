package paperbake.cache;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * 16 bytes naming a stream of bytes, for the build cache's keys: the stream's CRC-32C and CRC-32
 * (two different polynomials) and its length. A key tells inputs apart, it is no defence (whoever
 * could craft a collision writes the digests anyway), so what matters is that two inputs a build
 * meets differ in their key: the two polynomials are coprime, so their product (degree 64)
 * divides no change confined to 64 consecutive bits, and every such edit is told apart; any
 * other pair of inputs of one length collides by chance, 2^-64 (of two lengths, never). Both
 * CRCs are computed by the processor's own instructions under C1, which the README's command
 * runs with; MD5 there is a Java loop, and was 12% of the parse stage's CPU on a cold build (its
 * key of every file) and 9% of render's (a digest of every page's view).
 *
 * <p>Not thread-safe: one per key being made.
 */
public final class Fingerprint {

    private final CRC32C c = new CRC32C();
    private final CRC32 d = new CRC32();
    private final byte[] scratch = new byte[8];
    private long length;

    public Fingerprint update(byte[] bytes) {
        return update(bytes, 0, bytes.length);
    }

    public Fingerprint update(byte[] bytes, int offset, int count) {
        c.update(bytes, offset, count);
        d.update(bytes, offset, count);
        length += count;
        return this;
    }

    public Fingerprint update(byte b) {
        c.update(b);
        d.update(b);
        length++;
        return this;
    }

    /** Four bytes, big-endian: a length before the bytes it counts keeps two lists of parts apart. */
    public Fingerprint updateInt(int v) {
        for (int i = 0; i < 4; i++) {
            scratch[i] = (byte) (v >>> (24 - 8 * i));
        }
        return update(scratch, 0, 4);
    }

    public Fingerprint updateLong(long v) {
        for (int i = 0; i < 8; i++) {
            scratch[i] = (byte) (v >>> (56 - 8 * i));
        }
        return update(scratch, 0, 8);
    }

    /** The 16 bytes: CRC-32C, CRC-32 (four bytes each) and the length in bytes (eight), big-endian. */
    public byte[] digest() {
        byte[] out = new byte[16];
        long hi = c.getValue() << 32 | d.getValue();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (hi >>> (56 - 8 * i));
            out[8 + i] = (byte) (length >>> (56 - 8 * i));
        }
        return out;
    }
}
