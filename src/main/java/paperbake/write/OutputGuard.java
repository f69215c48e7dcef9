package paperbake.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides whether a build may replace its output folder. A build replaces the folder as a whole,
 * so it may only ever replace what Paperbake built: a folder that is absent, empty (a
 * {@code CNAME} aside) or marked by a previous build ({@link SiteMarker}) with nothing added
 * since. Everything else is refused before anything is written, with what to do instead.
 */
public final class OutputGuard {

    /**
     * A folder the build reads or runs in, which the output must not replace.
     *
     * @param mayHoldOutput whether the output may lie inside it (the working folder may; the
     *                      content folder may not, or the site would be mixed into the digests)
     */
    public record Protected(String what, Path path, boolean mayHoldOutput) {

        /** An input folder: the output may neither be it, contain it, nor lie inside it. */
        public static Protected input(String what, Path path) {
            return new Protected(what, path, false);
        }
    }

    private final List<Protected> folders;

    /** @param inputs the folders the build reads; the working folder is protected as well */
    public OutputGuard(List<Protected> inputs) {
        List<Protected> all = new ArrayList<>(inputs);
        all.add(new Protected("the working folder", Path.of("").toAbsolutePath(), true));
        this.folders = List.copyOf(all);
    }

    /** Where the output may go, judged from paths alone: nothing is touched. */
    void checkPlace(Path output) throws OutputRefused {
        Path out = canonical(output);
        String instead = ". Give --output a folder of its own beside them, such as site/";
        for (Protected p : folders) {
            Path in = canonical(p.path());
            if (out.equals(in)) {
                throw refused(output, "it is " + p.what() + " (" + p.path() + "), which the site would replace" + instead);
            }
            if (in.startsWith(out)) {
                throw refused(output, "it contains " + p.what() + " (" + p.path() + "), which would be deleted with it" + instead);
            }
            if (!p.mayHoldOutput() && out.startsWith(in)) {
                throw refused(output, "it lies inside " + p.what() + " (" + p.path() + "), so the site would be mixed into it"
                        + instead);
            }
        }
    }

    /** What is in the output folder now: only an absent, empty or Paperbake-built folder may be replaced. */
    static void checkFolder(Path output) throws OutputRefused {
        if (!Files.exists(output)) {
            return;
        }
        if (!Files.isDirectory(output)) {
            throw new OutputRefused("refusing to write the site to " + output + ": it is a file, not a folder."
                    + " Choose a new folder, such as site/.");
        }
        Set<String> names;
        try {
            names = SiteMarker.entries(output);
        } catch (IOException e) {
            throw new OutputRefused("refusing to write the site to " + output + ": it cannot be listed (" + e.getMessage() + ").");
        }
        if (names.contains(".git")) {
            throw refused(output, "it holds .git, a Git repository, which replacing the folder would delete."
                    + " --force cannot help here: build into a folder of its own, such as site/, and publish that");
        }
        Optional<Set<String>> built = SiteMarker.read(output);
        Set<String> foreign = new TreeSet<>();
        for (String n : names) {
            if (!SiteMarker.housekeeping(n) && !built.map(b -> b.contains(n)).orElse(false)) {
                foreign.add(n);
            }
        }
        if (foreign.isEmpty()) {
            return;
        }
        if (built.isEmpty()) {
            throw refused(output, "it is not empty and was not built by Paperbake (it has no " + SiteMarker.NAME
                    + " file); it holds " + some(foreign) + ", which replacing the folder would delete."
                    + " Choose a new or empty folder, such as site/, or move those files away"
                    + " (a site built by a Paperbake without the marker: delete it once by hand)");
        }
        throw refused(output, "it was built by Paperbake, but " + some(foreign) + (foreign.size() == 1 ? " was" : " were")
                + " added since and would be deleted with it. Move them out of the folder (a CNAME file is kept by every build)");
    }

    private static OutputRefused refused(Path output, String why) {
        return new OutputRefused("refusing to write the site to " + output + ": " + why + ".");
    }

    /** Up to five names, quoted; a name is shown without control characters, whatever it holds. */
    private static String some(Set<String> names) {
        String shown = names.stream().limit(5)
                .map(n -> "'" + n.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "'")
                .collect(Collectors.joining(", "));
        return names.size() > 5 ? shown + " and " + (names.size() - 5) + " more" : shown;
    }

    /**
     * The real location, following symbolic links as far as the path exists, so that
     * {@code site/../content} or a link to the content folder is recognised as the content folder.
     */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /** The reason a build did not start; nothing has been touched. */
    public static final class OutputRefused extends IOException {
        OutputRefused(String message) {
            super(message);
        }
    }
}
