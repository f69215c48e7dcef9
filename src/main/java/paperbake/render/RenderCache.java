package paperbake.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import paperbake.cache.BuildCache;
import paperbake.model.Digest;
import paperbake.model.DigestKeys;

/**
 * Which pages a rebuild need not render: for the pages of the last build into this output, the
 * digest of what their templates read ({@link ViewDigest}: the theme's templates, the site, the
 * page and its view) with the size and CRC of the file it rendered to. A page whose digest is
 * there is not rendered again when the output still holds that file ({@code PageSink.keep}
 * checks size and CRC on disk), so a page someone edited or deleted in the output is rendered
 * as usual. The table is one cache entry per output folder, saved only after the site was
 * committed, so it never describes files that are not there.
 */
public final class RenderCache {

    static final String KIND = "render";
    /** Heads an inputs digest: a view digest starts with the name of the Page record instead. */
    private static final String INPUTS = "page inputs";
    private static final int ENTRY_BYTES = 16 + 8 + 4;

    /** What a page rendered to last time. */
    public record Stored(long size, int crc) {}

    /** A page's digest. */
    record Key(long hi, long lo) {
        static Key of(byte[] md5) {
            ByteBuffer b = ByteBuffer.wrap(md5);
            return new Key(b.getLong(), b.getLong());
        }
    }

    private final BuildCache cache;
    private final byte[] entryKey;
    private final byte[] theme;
    private final Map<Key, Stored> previous;
    private final Map<Key, Stored> next = new ConcurrentHashMap<>();
    private final ViewDigest digest = new ViewDigest();
    /** What each digest was parsed from. */
    private final DigestKeys sources;
    /** The last site's {@link #prefix}; pages of several sites may share a cache (tests). */
    private volatile Prefix prefix;

    private RenderCache(BuildCache cache, byte[] entryKey, byte[] theme, Map<Key, Stored> previous,
                        DigestKeys sources) {
        this.cache = cache;
        this.entryKey = entryKey;
        this.theme = theme;
        this.previous = previous;
        this.sources = sources;
    }

    /**
     * @param themeDir the theme the pages are rendered with ({@code templates/}, {@code jbake.properties})
     * @param reuse    false: render every page, only record them for the next build (a clean build)
     * @param sources  what each digest was parsed from: a page made from digests that all have a
     *                 key is known by its {@link PlannedPage.Inputs}, without its view being made
     */
    public static RenderCache open(BuildCache cache, Path output, Path themeDir, boolean reuse,
                                   DigestKeys sources) throws IOException {
        byte[] entryKey = BuildCache.key(output.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        Map<Key, Stored> previous = new HashMap<>();
        if (reuse) {
            cache.get(KIND, entryKey).ifPresent(table -> read(table, previous));
        }
        return new RenderCache(cache, entryKey, themeDigest(themeDir), previous, sources);
    }

    private static void read(byte[] table, Map<Key, Stored> into) {
        if (table.length % ENTRY_BYTES != 0) {
            return; // not a table of ours: nothing is reused
        }
        ByteBuffer b = ByteBuffer.wrap(table);
        while (b.hasRemaining()) {
            Key k = new Key(b.getLong(), b.getLong());
            into.put(k, new Stored(b.getLong(), b.getInt()));
        }
    }

    /** @return null when the page cannot be digested: it is then rendered every time */
    Key key(Views.Site site, Page page) {
        try {
            return Key.of(digest.of(theme, site, page));
        } catch (ViewDigest.Unsupported e) {
            return null;
        }
    }

    /**
     * The page's digest from what its view is made of: its path and template, the digests it is
     * made from ({@link DigestKeys#of}) and its other inputs; tagged apart from view digests.
     *
     * @return null when the page names no inputs, or one of its digests has no source key: then
     *         only its view ({@link #key(Views.Site, Page)}) identifies it
     */
    Key key(Views.Site site, PlannedPage page) {
        PlannedPage.Inputs inputs = page.inputs();
        if (inputs == null) {
            return null;
        }
        List<Object> parts = new ArrayList<>();
        parts.add(prefix(site));
        parts.add(INPUTS);
        parts.add(page.path());
        parts.add(page.template());
        parts.add(inputs.digests().size());
        for (Digest d : inputs.digests()) {
            if (d == null) {
                parts.add(null);
                continue;
            }
            byte[] source = sources.of(d);
            if (source == null) {
                return null;
            }
            parts.add(source);
        }
        parts.add(inputs.values());
        try {
            return Key.of(digest.of(parts.toArray()));
        } catch (ViewDigest.Unsupported e) {
            return null;
        }
    }

    /** The theme and the site, digested once: every page of a build has the same. */
    private byte[] prefix(Views.Site site) {
        Prefix p = prefix;
        if (p == null || !p.site().equals(site)) {
            p = new Prefix(site, digest.of(theme, site));
            prefix = p;
        }
        return p.digest();
    }

    private record Prefix(Views.Site site, byte[] digest) {}

    Stored previous(Key key) {
        return previous.get(key);
    }

    void kept(Key key, Stored stored) {
        next.put(key, stored);
    }

    void rendered(Key key, byte[] bytes) {
        next.put(key, new Stored(bytes.length, crc(bytes)));
    }

    /** Records this build's pages for the next one; call once the site is in place. */
    public void save() {
        ByteBuffer b = ByteBuffer.allocate(next.size() * ENTRY_BYTES);
        // Sorted, so the same pages always make the same entry.
        next.entrySet().stream()
                .sorted(Map.Entry.<Key, Stored>comparingByKey((x, y) -> x.hi != y.hi ? Long.compare(x.hi, y.hi) : Long.compare(x.lo, y.lo)))
                .forEach(e -> b.putLong(e.getKey().hi).putLong(e.getKey().lo).putLong(e.getValue().size).putInt(e.getValue().crc));
        cache.put(KIND, entryKey, b.array());
    }

    private static int crc(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes);
        return (int) c.getValue();
    }

    /** The templates and JBake settings a page is rendered with, as bytes to digest. */
    private static byte[] themeDigest(Path themeDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(themeDir.resolve("templates"))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Path f : files) {
            out.write((themeDir.relativize(f) + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(Files.readAllBytes(f));
        }
        Path properties = themeDir.resolve("jbake.properties");
        if (Files.isRegularFile(properties)) {
            out.write(Files.readAllBytes(properties));
        }
        return BuildCache.key(out.toByteArray());
    }
}
