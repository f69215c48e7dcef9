package paperbake.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import paperbake.cache.Fingerprint;

/**
 * What each digest was parsed from, by source file: the parse cache's key of the file (a
 * digest of its name, channel and bytes, under a cache named by the code). A digest's entries are
 * a function of that, so a record made only from digests (a paper: its fields are merged from
 * its listings; its page; its indexed text) can be known by their keys without its text being
 * read again: a rebuild tells what it must redo from the digests that changed.
 */
public final class DigestKeys {

    public static final DigestKeys NONE = new DigestKeys(Map.of());

    private final Map<Path, byte[]> sources;
    private final Map<Path, byte[]> digests = new ConcurrentHashMap<>();

    /** @param sources by {@link Digest#source}; a file without one has no key */
    public DigestKeys(Map<Path, byte[]> sources) {
        // A private copy, and a HashMap, not Map.copyOf: that one probes linearly by the raw
        // hashCode, which walks long runs of neighbouring paths (Related explains), and every
        // page's key looks up each of its digests here.
        this.sources = new HashMap<>(sources);
    }

    /**
     * 16 bytes standing for the digest as this build has it: its file's key and what the build
     * made of the file beside its entries (its id, which may depend on other files, its date and
     * title).
     *
     * @return null when its file has no key (the build has no cache)
     */
    public byte[] of(Digest d) {
        byte[] source = sources.get(d.source());
        if (source == null) {
            return null;
        }
        return digests.computeIfAbsent(d.source(), p -> {
            Fingerprint f = new Fingerprint().update(source);
            for (String s : new String[] {d.id().channel(), d.id().name(), d.dated() ? d.date().toString() : "", d.title()}) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                f.updateInt(utf8.length).update(utf8);
            }
            return f.digest();
        });
    }

    /**
     * Adds the digests listing {@code p}, in order (what its fields are merged from), to {@code f}.
     *
     * @return false, with {@code f} partly updated, when one of them has no key
     */
    public boolean addListings(Paper p, Map<DigestId, Digest> byId, Fingerprint f) {
        f.updateInt(p.appearances().size());
        for (Appearance a : p.appearances()) {
            Digest d = byId.get(a.digest());
            byte[] key = d == null ? null : of(d);
            if (key == null) {
                return false;
            }
            f.update(key);
        }
        return true;
    }
}
