package paperbake.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import paperbake.cache.BuildCache;
import paperbake.cache.Fingerprint;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.model.DigestKeys;
import paperbake.model.Paper;

/**
 * The index of each slice of papers ({@link LuceneIndex}: one per month of latest listing), kept
 * in the {@link BuildCache} under a digest of what was indexed: every field's text of every
 * paper of the slice, in order, and how it was indexed. A new day changes the newest month's
 * slice (and those of papers listed again), so a rebuild indexes those and reads the rest back.
 * What is kept is the inverted slice ({@link InvertedSlice#encode}), or with term positions the
 * slice's Lucene segment as the writer made it; either is read as a fresh one would be, and
 * statistics are added up across slices by the searcher as before, so scores do not depend on
 * where a slice came from.
 */
public final class SliceCache {

    static final String KIND = "lucene";
    private static final int FORMAT = 1;

    private final BuildCache cache;
    private final boolean reuse;
    private final DigestKeys digests;

    /** @param reuse false: index every slice, only store them (a clean build) */
    public SliceCache(BuildCache cache, boolean reuse) {
        this(cache, reuse, DigestKeys.NONE);
    }

    /**
     * @param digests what the archive's digests were parsed from: a slice whose papers' digests
     *                all have a key is keyed by them ({@link #key(List, String, Map)}), not by its text
     */
    public SliceCache(BuildCache cache, boolean reuse, DigestKeys digests) {
        this.cache = cache;
        this.reuse = reuse;
        this.digests = digests;
    }

    /**
     * The slice's key: by the digests each paper is merged from, in order (a paper's indexed text
     * is a function of them), so a rebuild does not digest every paper's text again; by the
     * text itself ({@link #key(List, String)}) when a digest has no key. The two are tagged apart.
     */
    byte[] key(List<Paper> slice, String how, Map<DigestId, Digest> byId) {
        Fingerprint fp = new Fingerprint().update(("listings\0" + how).getBytes(StandardCharsets.UTF_8));
        for (Paper p : slice) {
            byte[] id = p.id().value().getBytes(StandardCharsets.UTF_8);
            fp.updateInt(id.length).update(id);
            if (!digests.addListings(p, byId, fp)) {
                return key(slice, how);
            }
        }
        return fp.digest();
    }

    /** A fingerprint of the indexed text, length-prefixed field by field: it names the input, it guards against no one. */
    static byte[] key(List<Paper> slice, String how) {
        Fingerprint fp = new Fingerprint().update(("text\0" + how).getBytes(StandardCharsets.UTF_8));
        for (Paper p : slice) {
            for (SearchField f : SearchField.values()) {
                String text = f.text.apply(p);
                fp.updateInt(text.length()).update(text.getBytes(StandardCharsets.UTF_16LE));
            }
        }
        return fp.digest();
    }

    /** The slice's reader from the cache, or empty when there is none that opens. */
    Optional<DirectoryReader> get(byte[] key) {
        if (!reuse) {
            return Optional.empty();
        }
        Optional<byte[]> payload = cache.get(KIND, key);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload.get()))) {
            if (in.readInt() != FORMAT) {
                return Optional.empty();
            }
            int files = in.readInt();
            for (int i = 0; i < files; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    return Optional.empty();
                }
                try (IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
                    out.writeBytes(in.readNBytes(length), length);
                }
            }
            if (in.available() != 0) {
                return Optional.empty();
            }
            return Optional.of(DirectoryReader.open(dir));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // Lucene refused the files (its own checksums): index the slice instead
        }
    }

    /** An inverted slice from the cache ({@link InvertedSlice#decode}), or empty when there is none that decodes. */
    Optional<InvertedSlice> getInverted(byte[] key) {
        return reuse ? cache.get(KIND, key).flatMap(InvertedSlice::decode) : Optional.empty();
    }

    void put(byte[] key, InvertedSlice slice) {
        cache.put(KIND, key, slice.encode());
    }

    void put(byte[] key, Directory dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            String[] names = dir.listAll();
            out.writeInt(FORMAT);
            out.writeInt(names.length);
            for (String name : names) {
                try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
                    byte[] b = new byte[Math.toIntExact(in.length())];
                    in.readBytes(b, 0, b.length);
                    out.writeUTF(name);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory directory
        }
        cache.put(KIND, key, bytes.toByteArray());
    }

    /** After a build: drops the slices no longer indexed. */
    public void forgetUnused() throws IOException {
        cache.forgetUnused(KIND);
    }
}
