package paperbake.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import paperbake.write.Folders;

/**
 * A folder of what one build can hand the next: entries by kind and key, each a file holding
 * its own key, its payload and a CRC-32C of both. Nothing read from here is trusted: an entry that is short,
 * altered or of another format reads as absent (and is replaced), a folder made by other code
 * ({@link CodeIdentity}) is emptied of its entries before use, and a folder that is not a
 * Paperbake cache at all is not used (nor touched). A cache can therefore be restored from
 * anywhere (a CI cache of another branch, a copy from another machine) and at worst costs the
 * time of a build without it; what a build produces never depends on what is in it.
 *
 * <p>Keys are digests of everything an entry's payload depends on (the stage that uses the
 * cache decides what that is), so a hit means the same input.
 */
public final class BuildCache {

    /** Beside the output when no folder is named: {@code .paperbake-cache/}. */
    public static final String DEFAULT_NAME = ".paperbake-cache";
    static final String STAMP = "CACHEDIR.TAG";
    private static final String FORMAT = "paperbake cache 1";
    private static final byte[] MAGIC = "pbc1".getBytes(StandardCharsets.US_ASCII);
    private static final int CRC_BYTES = 4;

    private final Path root;
    private final Set<Path> used = ConcurrentHashMap.newKeySet();

    private BuildCache(Path root) {
        this.root = root;
    }

    /**
     * Opens (or creates) the cache in {@code folder} for code of identity {@code code}.
     *
     * @param notices told, in one sentence, when the folder is not used or is started afresh
     * @return empty when the folder cannot be used: it holds files but no Paperbake stamp, or it cannot be written
     */
    public static Optional<BuildCache> open(Path folder, String code, Consumer<String> notices) {
        Path root = folder.toAbsolutePath().normalize();
        Path stamp = root.resolve(STAMP);
        String expected = stampText(code);
        try {
            if (Files.isDirectory(root) && !Files.isRegularFile(stamp) && !isEmpty(root)) {
                notices.accept(root + " is not a Paperbake cache (it has no " + STAMP + "), so it was left alone and the build "
                        + "ran without a cache; name another folder with --cache");
                return Optional.empty();
            }
            if (Files.isRegularFile(stamp)) {
                String found = Files.readString(stamp, StandardCharsets.UTF_8);
                if (found.equals(expected)) {
                    return Optional.of(new BuildCache(root));
                }
                if (!found.startsWith(FORMAT_LINE)) {
                    notices.accept(root + " has a " + STAMP + " that is not Paperbake's, so it was left alone and the build "
                            + "ran without a cache; name another folder with --cache");
                    return Optional.empty();
                }
                for (Path kind : kinds(root)) {
                    Folders.deleteTree(kind);
                }
                notices.accept("the cache in " + root + " was made by another version of Paperbake; started it afresh");
            }
            Files.createDirectories(root);
            Files.writeString(stamp, expected, StandardCharsets.UTF_8);
            return Optional.of(new BuildCache(root));
        } catch (IOException e) {
            notices.accept("the cache folder " + root + " cannot be used (" + e.getMessage() + "); the build ran without a cache");
            return Optional.empty();
        }
    }

    private static final String FORMAT_LINE = "Signature: 8a477f597d28d172789f06886806bc55\n# " + FORMAT;

    /**
     * The stamp is a cache directory tag (bford.net/cachedir), so backup tools skip the folder;
     * its second line says whose it is, its third which code made it.
     */
    private static String stampText(String code) {
        return FORMAT_LINE + ": what a build reuses; safe to delete.\n# made by " + code + "\n";
    }

    /**
     * The payload stored under {@code kind} and {@code key}, or empty when there is none that
     * checks out: the file names its own key (an entry copied under another name is not
     * taken for that one) and ends with the CRC of key and payload.
     */
    public Optional<byte[]> get(String kind, byte[] key) {
        Path file = file(kind, key);
        used.add(file);
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty(); // absent or unreadable: a miss either way
        }
        int head = MAGIC.length + key.length + 4;
        if (raw.length < head + CRC_BYTES || !Arrays.equals(raw, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || !Arrays.equals(raw, MAGIC.length, MAGIC.length + key.length, key, 0, key.length)) {
            return Optional.empty();
        }
        int length = ByteBuffer.wrap(raw, head - 4, 4).getInt();
        if (length < 0 || raw.length != head + length + CRC_BYTES
                || ByteBuffer.wrap(raw, head + length, CRC_BYTES).getInt() != crc(raw, MAGIC.length, key.length + 4 + length)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(raw, head, head + length));
    }

    /** Stores {@code payload}; a failure to store is not the build's problem, only a later miss. */
    public void put(String kind, byte[] key, byte[] payload) {
        Path file = file(kind, key);
        used.add(file);
        ByteBuffer raw = ByteBuffer.allocate(MAGIC.length + key.length + 4 + payload.length + CRC_BYTES);
        raw.put(MAGIC).put(key).putInt(payload.length).put(payload);
        raw.putInt(crc(raw.array(), MAGIC.length, key.length + 4 + payload.length));
        try {
            Files.createDirectories(file.getParent());
            // Written aside and renamed: a build killed mid-write leaves no entry, not half of one.
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + Thread.currentThread().getId());
            Files.write(tmp, raw.array());
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the next build misses this entry and makes it again
        }
    }

    /** Deletes the entries of {@code kind} this build neither read nor wrote: what no input needs any more. */
    public void forgetUnused(String kind) throws IOException {
        Path dir = root.resolve(kind);
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            if (!used.contains(f)) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * A {@link Fingerprint} of the parts, each length-prefixed so that no two different lists of
     * parts run together.
     */
    public static byte[] key(byte[]... parts) {
        Fingerprint f = new Fingerprint();
        for (byte[] p : parts) {
            f.updateInt(p.length).update(p);
        }
        return f.digest();
    }

    private Path file(String kind, byte[] key) {
        String hex = HexFormat.of().formatHex(key);
        return root.resolve(kind).resolve(hex.substring(0, 2)).resolve(hex);
    }

    private static List<Path> kinds(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).toList();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Against a damaged or cut-off file, not against tampering: a key already names the input. */
    private static int crc(byte[] bytes, int from, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, from, length);
        return (int) c.getValue();
    }
}
