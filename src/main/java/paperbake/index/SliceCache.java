package paperbake.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import paperbake.cache.BuildCache;
import paperbake.model.Paper;

/**
 * The index of each slice of papers ({@link LuceneIndex}: one per month of latest listing), kept
 * in the {@link BuildCache} under a digest of what was indexed: every field's text of every
 * paper of the slice, in order, and how it was indexed. A new day changes the newest month's
 * slice (and those of papers listed again), so a rebuild indexes those and reads the rest back.
 * The cached files are the slice's Lucene segment as the writer made it; the reader is opened
 * over them as over a fresh one, and its statistics are added up across slices by the searcher
 * as before, so scores do not depend on where a slice came from.
 */
public final class SliceCache {

    static final String KIND = "lucene";
    private static final int FORMAT = 1;

    private final BuildCache cache;
    private final boolean reuse;

    /** @param reuse false: index every slice, only store them (a clean build) */
    public SliceCache(BuildCache cache, boolean reuse) {
        this.cache = cache;
        this.reuse = reuse;
    }

    /** MD5 over the indexed text, length-prefixed field by field: it names the input, it guards against no one. */
    static byte[] key(List<Paper> slice, String how) {
        MessageDigest md = md5();
        md.update(how.getBytes(StandardCharsets.UTF_8));
        ByteBuffer n = ByteBuffer.allocate(4);
        for (Paper p : slice) {
            for (SearchField f : SearchField.values()) {
                String text = f.text.apply(p);
                md.update(n.clear().putInt(text.length()).array());
                md.update(text.getBytes(StandardCharsets.UTF_16LE));
            }
        }
        return md.digest();
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

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
