package paperbake.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The file {@value #NAME} at the root of every site Paperbake writes: what tells a later build
 * that the folder is its own to replace, and which top-level entries it put there (so anything
 * a person added since is noticed instead of deleted). It is written last, just before the
 * swap, so a staging folder holding it is a complete site. Publishing it is harmless: it holds
 * only a format line, a comment and file names that are public anyway.
 */
public final class SiteMarker {

    public static final String NAME = ".paperbake";
    /** Kept across builds: a user's custom domain for GitHub Pages. */
    public static final String CNAME = "CNAME";
    /** Written by every build: tells GitHub Pages to serve the files as they are, without Jekyll. */
    public static final String NOJEKYLL = ".nojekyll";

    private static final String FORMAT_PREFIX = "paperbake site ";
    private static final String FORMAT = FORMAT_PREFIX + "1";

    private SiteMarker() {}

    /** Records the top-level entries of {@code siteRoot} (the marker and CNAME aside). */
    static void write(Path siteRoot) throws IOException {
        Files.write(siteRoot.resolve(NAME), content(entries(siteRoot)));
    }

    /** The marker of a site whose top-level entries are {@code names} (housekeeping ones are left out). */
    static byte[] content(Set<String> names) {
        List<String> lines = new ArrayList<>();
        lines.add(FORMAT);
        lines.add("# Built by Paperbake, which owns everything in this folder (keeping CNAME) and rewrites it on the next build.");
        lines.add("# Top-level entries it wrote; anything else found here stops the next build instead of being deleted:");
        for (String name : names) {
            if (!housekeeping(name)) {
                lines.add(name);
            }
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** @return the entries a Paperbake build recorded; empty when {@code siteRoot} holds no readable marker */
    static Optional<Set<String>> read(Path siteRoot) {
        Path marker = siteRoot.resolve(NAME);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).startsWith(FORMAT_PREFIX)) {
            return Optional.empty();
        }
        Set<String> names = new TreeSet<>();
        lines.stream().skip(1).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
        return Optional.of(names);
    }

    static boolean present(Path siteRoot) {
        return read(siteRoot).isPresent();
    }

    /** Names a build neither lists nor counts as foreign: the marker itself and what it keeps or always writes. */
    static boolean housekeeping(String name) {
        return name.equals(NAME) || name.equals(CNAME) || name.equals(NOJEKYLL);
    }

    static Set<String> entries(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }
}
