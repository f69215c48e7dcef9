package paperbake.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import paperbake.parse.ContentReader;
import paperbake.parse.DigestParser;
import paperbake.parse.ParseResult;
import paperbake.report.Diagnostic;

/**
 * Turns a digest repository's history into a dated content folder: for each matching file and
 * each day (in the given zone, by commit time), the last revision of that day that carries at least
 * one entry becomes {@code <channel>/<YYYY-MM-DD>.md}, byte for byte. "Carries an entry" is
 * decided by {@link ContentReader#parse}, the parser build runs, so import and build agree on what
 * a day is.
 *
 * <p>Incremental: {@link ImportState} remembers the last commit read per file, and a re-run walks
 * only newer commits. An imported day is never rewritten without {@code refresh}, and a file
 * import did not write (or that was edited since) is never overwritten; each such case is reported.
 */
public final class Importer {

    /** A channel is one URL segment and must not be hidden (".x" would be ignored by build). */
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * @param ref     a branch, or null for the default branch
     * @param channel one channel for every file, or null for each file's name without ".md"
     * @param since   the first day to import, or null for all
     */
    public record Options(Path repo, String ref, List<String> globs, String channel, ZoneId zone, Path content,
                          LocalDate since, boolean refresh) {
        public Options {
            globs = List.copyOf(globs);
        }
    }

    private final ContentReader reader;

    public Importer(ContentReader reader) {
        this.reader = reader;
    }

    public ImportReport run(Options o) throws HistoryException, IOException {
        try (GitHistory history = GitHistory.open(o.repo(), o.ref())) {
            Files.createDirectories(o.content());
            ImportState before = ImportState.read(o.content());
            Run run = new Run(o, history, before);
            run.importAll();
            new ImportState(history.ref(), o.zone().getId(), run.files, run.days).write(o.content());
            return new ImportReport(history.ref(), history.tip(), run.added, run.updated, run.unchanged,
                    run.skipped, run.kept, run.notes, run.revisions, run.beforeSince);
        }
    }

    /** The channel a repository file feeds: its name without ".md", unless one channel is given for all. */
    static String channelOf(String path, String fixed) {
        if (fixed != null) {
            return fixed;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    /** The outcome of one revision: entries, or why it is not a day. */
    private record Verdict(int entries, String reason) {}

    private final class Run {
        private final Options o;
        private final GitHistory history;
        private final ImportState before;
        private final Map<String, String> files = new TreeMap<>();
        private final Map<String, ImportState.Day> days;
        private final List<String> added = new ArrayList<>();
        private final List<String> updated = new ArrayList<>();
        private final List<ImportReport.Skip> skipped = new ArrayList<>();
        private final List<ImportReport.Skip> kept = new ArrayList<>();
        private final List<Diagnostic> notes = new ArrayList<>();
        private final Map<String, String> writtenBy = new HashMap<>();
        private final boolean sameZone;
        private int unchanged;
        private int revisions;
        private int beforeSince;

        Run(Options o, GitHistory history, ImportState before) {
            this.o = o;
            this.history = history;
            this.before = before;
            this.days = new TreeMap<>(before.days());
            // Files no longer matched keep their place, so narrowing --files once loses nothing later.
            this.files.putAll(before.files());
            this.sameZone = before.zone() == null || before.zone().equals(o.zone().getId());
            if (!sameZone) {
                notes.add(Diagnostic.warning(o.content().resolve(ImportState.FILE_NAME), 1, "days were cut in "
                        + before.zone() + " before and in " + o.zone().getId()
                        + " now: the whole history is read again; days already imported are kept"));
            }
        }

        void importAll() throws IOException {
            List<PathMatcher> globs = o.globs().stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
            // Files read before stay in, though the tip no longer has them: the days before their deletion still count.
            SortedSet<String> matched = new TreeSet<>(history.files(globs));
            before.files().keySet().stream().filter(p -> globs.stream().anyMatch(g -> g.matches(Path.of(p)))).forEach(matched::add);
            // A README matched by a pattern is documentation, not a digest; named outright it is imported.
            List<String> documentation = matched.stream().filter(p -> Documentation.is(p) && !o.globs().contains(p)).toList();
            if (!documentation.isEmpty()) {
                documentation.forEach(matched::remove);
                notes.add(Diagnostic.note(o.repo(), 0, "not imported, as documentation rather than digests: "
                        + String.join(", ", documentation) + " (name a file in --files to import it all the same)"));
            }
            List<String> paths = List.copyOf(matched);
            if (paths.isEmpty()) {
                notes.add(Diagnostic.warning(o.repo(), 0, "no file of " + history.ref() + " matches " + o.globs()));
            }
            boolean rewritten = false;
            for (String path : paths) {
                String channel = channelOf(path, o.channel());
                if (!CHANNEL.matcher(channel).matches() || !printable(path)) {
                    notes.add(Diagnostic.warning(Path.of(path), 1, "\"" + channel + "\" cannot be a channel name (letters, "
                            + "digits, '.', '-', '_'; not starting with '.'), or the path has control characters; "
                            + "file not imported: rename it or name a channel with --channel"));
                    continue;
                }
                String last = before.files().get(path);
                String since = null;
                if (last != null && !o.refresh() && sameZone) {
                    if (history.reaches(last)) {
                        since = last;
                    } else {
                        rewritten = true;
                        notes.add(Diagnostic.warning(Path.of(path), 1, "the last commit read, " + abbreviate(last)
                                + ", is no longer on " + history.ref() + " (the history was rewritten): the file's whole "
                                + "history is read again; days already imported are kept"));
                    }
                }
                importFile(path, channel, history.revisions(path, since));
                files.put(path, history.tip());
            }
            if (rewritten) {
                reportLostDays();
            }
        }

        /** After a force push, days whose commit the new history lacks stay in the content folder: say so. */
        private void reportLostDays() throws IOException {
            int gone = 0;
            for (ImportState.Day d : days.values()) {
                if (!history.reaches(d.commit())) {
                    gone++;
                }
            }
            if (gone > 0) {
                notes.add(Diagnostic.warning(o.content().resolve(ImportState.FILE_NAME), 1, gone + " imported "
                        + (gone == 1 ? "day comes" : "days come") + " from commits the rewritten history no longer has; "
                        + "kept as they are"));
            }
        }

        private void importFile(String path, String channel, List<FileRevision> newestFirst) throws IOException {
            revisions += newestFirst.size();
            Map<LocalDate, List<FileRevision>> byDay = new TreeMap<>();
            for (FileRevision r : newestFirst) {
                byDay.computeIfAbsent(r.time().atZone(o.zone()).toLocalDate(), k -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<LocalDate, List<FileRevision>> e : byDay.entrySet()) {
                if (o.since() != null && e.getKey().isBefore(o.since())) {
                    beforeSince++;
                    continue;
                }
                List<FileRevision> candidates = new ArrayList<>(e.getValue());
                // Newest commit time first; the walk's order (children before parents) breaks ties.
                candidates.sort((a, b) -> b.time().compareTo(a.time()));
                importDay(path, channel, e.getKey(), candidates);
            }
        }

        private void importDay(String path, String channel, LocalDate date, List<FileRevision> candidates) throws IOException {
            String target = channel + "/" + date + ".md";
            Set<String> reasons = new LinkedHashSet<>();
            for (FileRevision r : candidates) {
                if (r.deleted()) {
                    reasons.add("file deleted");
                    continue;
                }
                byte[] bytes = history.read(r.blob());
                Verdict v = verdict(target, channel, bytes);
                if (v.entries() > 0) {
                    write(path, date, target, r, bytes);
                    return;
                }
                reasons.add(v.reason());
            }
            if (!days.containsKey(target)) {
                // A day imported by an earlier run keeps its revision: newer skeletons of that day are no news.
                skipped.add(new ImportReport.Skip(path, date, String.join("; ", reasons)));
            }
        }

        private Verdict verdict(String target, String channel, byte[] bytes) {
            if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                return new Verdict(0, "empty file");
            }
            ParseResult p = reader.parse(Path.of(target), channel, bytes);
            String first = p.diagnostics().stream().findFirst().map(Diagnostic::message).orElse("unreadable");
            if (p.digest() == null && !first.startsWith(DigestParser.NOT_DIGEST_TEXT)) {
                return new Verdict(0, "not a digest: " + first);
            }
            if (p.entriesRead() == 0) {
                // The parser reports every file without entries; an error message in place of a digest says so.
                return new Verdict(0, p.digest() == null ? "no entries: " + first : "no entries (no summary-table rows)");
            }
            return new Verdict(p.entriesRead(), null);
        }

        private void write(String path, LocalDate date, String target, FileRevision r, byte[] bytes) throws IOException {
            String other = writtenBy.putIfAbsent(target, path);
            if (other != null) {
                kept.add(new ImportReport.Skip(path, date, target + " was written from " + other
                        + " in this run; two files feed one channel (give them different channels)"));
                return;
            }
            Path file = o.content().resolve(target);
            String sha = sha256(bytes);
            ImportState.Day previous = days.get(target);
            ImportState.Day now = new ImportState.Day(r.commit(), sha);
            if (Files.exists(file)) {
                byte[] there = Files.readAllBytes(file);
                if (Arrays.equals(there, bytes)) {
                    days.put(target, now);
                    unchanged++;
                    return;
                }
                if (previous == null) {
                    kept.add(new ImportReport.Skip(path, date, target + " exists and was not written by import; "
                            + "left as it is (revision " + abbreviate(r.commit()) + " not imported)"));
                    return;
                }
                if (!sha256(there).equals(previous.sha256())) {
                    kept.add(new ImportReport.Skip(path, date, target + " was edited after import; left as it is "
                            + "(revision " + abbreviate(r.commit()) + " not imported)"));
                    return;
                }
                if (!o.refresh()) {
                    kept.add(new ImportReport.Skip(path, date, "imported from " + abbreviate(previous.commit())
                            + "; the later revision " + abbreviate(r.commit()) + " differs (--refresh takes it)"));
                    return;
                }
                writeAtomically(file, bytes);
                days.put(target, now);
                updated.add(target);
                return;
            }
            if (previous != null && !o.refresh()) {
                kept.add(new ImportReport.Skip(path, date, target + " was imported before and deleted since; "
                        + "not recreated (--refresh recreates it)"));
                return;
            }
            writeAtomically(file, bytes);
            days.put(target, now);
            added.add(target);
        }
    }

    /** A hidden temporary beside the target, moved into place: build never sees half a digest. */
    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Repository paths are untrusted: with a control or bidi character in it, a path would reach the terminal in the summary. */
    private static boolean printable(String path) {
        return path.chars().noneMatch(c -> c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069 || c == 0x2028 || c == 0x2029);
    }

    static String abbreviate(String commit) {
        return commit.substring(0, Math.min(10, commit.length()));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
