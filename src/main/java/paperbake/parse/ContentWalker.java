package paperbake.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import paperbake.report.Diagnostic;

/**
 * Finds the digests in a content folder: {@code *.md} directly in it is flat content (channel
 * ""), {@code <channel>/*.md} one level down is a channel. Every name under the folder is either
 * read or reported: deeper directories, files that are not regular (a FIFO would block a read
 * forever), links that leave the folder or cannot be resolved, and {@code .txt}/{@code .markdown}
 * files (digests saved with the wrong extension) get a warning each; hidden names and other
 * non-{@code .md} files, which are expected in a repository, are listed once in a note.
 *
 * <p>Symbolic links are followed only to places inside the content folder (its real path), so a
 * link cannot publish a file from elsewhere on the disk, and each real file and folder is read
 * once however many links lead to it, which also ends link loops.
 */
final class ContentWalker {

    record Source(Path path, String channel) {}

    /** A file to read, found at {@code source} and living at {@code real}. */
    private record Found(Source source, Path real, boolean viaLink) {}

    /** The content folder's topics, {@code paperbake.index.TopicsFile.NAME}. */
    static final String TOPICS_FILE = "topics.yml";

    /** Names listed in the note, per kind; enough to recognise, never the whole of a large folder. */
    private static final int NAMES_SHOWN = 10;

    private final Path contentDir;
    private final List<Diagnostic> diagnostics;
    private final List<Found> found = new ArrayList<>();
    private final Set<Path> realDirs = new HashSet<>();
    private final List<String> hidden = new ArrayList<>();
    private final List<String> notMarkdown = new ArrayList<>();
    private Path root;

    private ContentWalker(Path contentDir, List<Diagnostic> diagnostics) {
        this.contentDir = contentDir;
        this.diagnostics = diagnostics;
    }

    /** The digests to read, in path order; problems go to {@code diagnostics}. */
    static List<Source> walk(Path contentDir, List<Diagnostic> diagnostics) {
        return new ContentWalker(contentDir, diagnostics).run();
    }

    private List<Source> run() {
        if (!Files.isDirectory(contentDir)) {
            diagnostics.add(Diagnostic.error(contentDir, 0, "the content directory does not exist or is not a directory"));
            return List.of();
        }
        try {
            root = contentDir.toRealPath();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(contentDir, 0, "could not open the content directory: " + ReadFailure.reason(e)));
            return List.of();
        }
        realDirs.add(root);
        for (Path p : children(contentDir)) {
            Path real = followable(p);
            if (real == null) {
                continue;
            }
            if (Files.isDirectory(real)) {
                channel(p, real);
            } else {
                file(p, real, "");
            }
        }
        noteIgnored();
        return deduplicated();
    }

    private void channel(Path dir, Path real) {
        String name = dir.getFileName().toString();
        if (!realDirs.add(real)) {
            diagnostics.add(Diagnostic.warning(dir, 0, "this is a link to " + shown(real)
                    + ", a folder that is read already; it is not read twice"));
            return;
        }
        if (!DigestParser.slug(name).equals(name)) {
            diagnostics.add(Diagnostic.warning(dir, 0, "channel directory name '" + name
                    + "' is not URL-safe; its digests are published under '" + DigestParser.slug(name) + "'"));
        }
        for (Path q : children(dir)) {
            Path realQ = followable(q);
            if (realQ == null) {
                continue;
            }
            if (Files.isDirectory(realQ)) {
                diagnostics.add(Diagnostic.warning(q, 0, "directory nested inside channel '" + name
                        + "' is ignored: channels are one directory deep"));
            } else {
                file(q, realQ, name);
            }
        }
    }

    private void file(Path p, Path real, String channel) {
        String name = p.getFileName().toString();
        String trimmed = name.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md")) {
            if (!Files.isRegularFile(real)) {
                diagnostics.add(Diagnostic.warning(p, 1, "this is not a regular file (a FIFO, socket or device), "
                        + "so it is not a digest; not read"));
                return;
            }
            if (!trimmed.equals(name)) {
                diagnostics.add(Diagnostic.warning(p, 1, "the file name '" + name + "' has spaces around it; it was read as '"
                        + trimmed + "' (rename the file)"));
            }
            found.add(new Found(new Source(p, channel), real, !real.equals(root.resolve(contentDir.relativize(p)))));
        } else if (lower.endsWith(".txt") || lower.endsWith(".markdown")) {
            diagnostics.add(Diagnostic.warning(p, 1, "not read: only files ending in .md are digests (rename it to .md to publish it)"));
        } else if (channel.isEmpty() && name.equals(TOPICS_FILE)) {
            return; // read by the index stage (paperbake.index.TopicsFile): not a file left unread
        } else {
            notMarkdown.add(relative(p));
        }
    }

    /**
     * The real path of an entry that may be read: hidden names are noted, links that leave the
     * content folder or do not resolve are reported, and null is returned for all of them.
     */
    private Path followable(Path p) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
            hidden.add(relative(p) + (Files.isDirectory(p) ? "/" : ""));
            return null;
        }
        int line = Files.isDirectory(p) ? 0 : 1;
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            String why = Files.isSymbolicLink(p)
                    ? "this symbolic link cannot be followed: its target is missing, or the links form a loop"
                    : ReadFailure.reason(e);
            // A digest that cannot be read is an error, as in ContentReader; anything else is noted as a warning.
            boolean digest = name.strip().toLowerCase(Locale.ROOT).endsWith(".md");
            diagnostics.add(digest ? Diagnostic.error(p, line, "could not read the file (" + why + "); file skipped")
                    : Diagnostic.warning(p, line, why + "; not read"));
            return null;
        }
        if (!real.startsWith(root)) {
            diagnostics.add(Diagnostic.warning(p, line, "this is a symbolic link to " + real
                    + ", outside the content folder; it is not followed, so nothing from elsewhere on the disk is published"));
            return null;
        }
        return real;
    }

    /*
     * Several names may lead to one real file (a link beside its target, a linked channel). The
     * file is read once, under its own name where that was found, else under the first link.
     */
    private List<Source> deduplicated() {
        found.sort(Comparator.comparing(Found::viaLink).thenComparing(f -> f.source().path().toString()));
        List<Source> out = new ArrayList<>();
        java.util.Map<Path, Path> readAs = new java.util.HashMap<>();
        for (Found f : found) {
            Path first = readAs.putIfAbsent(f.real(), f.source().path());
            if (first == null) {
                out.add(f.source());
            } else {
                diagnostics.add(Diagnostic.warning(f.source().path(), 1, "this is a link to " + first
                        + ", which is read already; it is not read twice"));
            }
        }
        out.sort(Comparator.comparing(s -> s.path().toString()));
        return out;
    }

    private void noteIgnored() {
        List<String> parts = new ArrayList<>();
        if (!hidden.isEmpty()) {
            parts.add("hidden files and folders (" + names(hidden) + ")");
        }
        if (!notMarkdown.isEmpty()) {
            parts.add("files whose names do not end in .md (" + names(notMarkdown) + ")");
        }
        if (!parts.isEmpty()) {
            diagnostics.add(Diagnostic.note(contentDir, 0,
                    "not read, as only .md files are digests: " + String.join("; ", parts)));
        }
    }

    private static String names(List<String> names) {
        List<String> sorted = names.stream().sorted().toList();
        String shown = String.join(", ", sorted.subList(0, Math.min(NAMES_SHOWN, sorted.size())));
        return sorted.size() > NAMES_SHOWN ? shown + " and " + (sorted.size() - NAMES_SHOWN) + " more" : shown;
    }

    private String relative(Path p) {
        return contentDir.relativize(p).toString();
    }

    private String shown(Path real) {
        return real.equals(root) ? "the content folder itself" : root.relativize(real).toString();
    }

    private List<Path> children(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(dir, 0, "could not list the directory: " + ReadFailure.reason(e)));
            return List.of();
        }
    }
}
