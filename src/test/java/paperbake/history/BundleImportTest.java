package paperbake.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.Bake;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;
import paperbake.report.BuildReport;
import paperbake.testing.Required;
import paperbake.testing.SharedCorpus;

/**
 * Imports the real bot history (200 commits) and checks it against an independent computation:
 * the git CLI lists each file's revisions and an entry is a summary-table row, counted with a
 * regex here, not with Paperbake's parser.
 */
class BundleImportTest {

    private static final List<String> CHANNEL_FILES = List.of("cs.CL.md", "cs.IR.md", "econ.md", "q-fin.md");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| \\[\\^\\d+\\] \\| \\[.*\\]\\((https?://[^)]+)\\) \\|");

    @TempDir
    static Path dir;

    static Path clone;
    static Path content;
    static ImportReport first;

    @BeforeAll
    static void importBundle() throws Exception {
        Path bundle = SharedCorpus.historyBundle();
        clone = dir.resolve("clone.git");
        Required.present(run(null, "git", "--version").startsWith("git version"), "the git CLI is needed as the oracle");
        run(null, "git", "clone", "--quiet", "--bare", bundle.toString(), clone.toString());
        content = dir.resolve("content");
        first = importer().run(options(bundle, false));
    }

    static Importer importer() {
        return new Importer(new ContentReader());
    }

    static Importer.Options options(Path repo, boolean refresh) {
        return new Importer.Options(repo, null, List.of("*.md"), null, ZoneOffset.UTC, content, null, refresh);
    }

    /** What the oracle expects of one file: per UTC day, the day's last revision with a table row, or none. */
    record Expected(Map<LocalDate, String> days, List<LocalDate> skipped) {}

    static Expected expected(String file) throws Exception {
        Map<LocalDate, List<String[]>> byDay = new TreeMap<>();
        for (String line : run(clone, "git", "log", "--format=%H %ct", "--", file).split("\n")) {
            String[] f = line.split(" ");
            LocalDate day = Instant.ofEpochSecond(Long.parseLong(f[1])).atZone(ZoneOffset.UTC).toLocalDate();
            byDay.computeIfAbsent(day, k -> new ArrayList<>()).add(f);
        }
        Map<LocalDate, String> days = new TreeMap<>();
        List<LocalDate> skipped = new ArrayList<>();
        for (Map.Entry<LocalDate, List<String[]>> e : byDay.entrySet()) {
            // git log lists newest first; the bot never commits twice in a second, so no tie to break.
            String chosen = null;
            for (String[] rev : e.getValue()) {
                String text = run(clone, "git", "show", rev[0] + ":" + file);
                if (ROW.matcher(text).find()) {
                    chosen = text;
                    break;
                }
            }
            if (chosen == null) {
                skipped.add(e.getKey());
            } else {
                days.put(e.getKey(), chosen);
            }
        }
        return new Expected(days, skipped);
    }

    @Test
    void theDaysWrittenAreTheDaysTheOracleFindsWithTheirBytes() throws Exception {
        int days = 0;
        for (String file : CHANNEL_FILES) {
            String channel = file.substring(0, file.length() - 3);
            Expected want = expected(file);
            List<String> written;
            try (var s = Files.list(content.resolve(channel))) {
                written = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertThat(written).as(file).containsExactlyElementsOf(
                    want.days().keySet().stream().map(d -> d + ".md").toList());
            for (Map.Entry<LocalDate, String> e : want.days().entrySet()) {
                assertThat(Files.readString(content.resolve(channel + "/" + e.getKey() + ".md")))
                        .as(channel + " " + e.getKey()).isEqualTo(e.getValue());
            }
            List<LocalDate> skipped = first.skipped().stream().filter(s -> s.file().equals(file))
                    .map(ImportReport.Skip::date).toList();
            assertThat(skipped).as("skipped days of " + file).containsExactlyElementsOf(want.skipped());
            days += want.days().size();
        }
        assertThat(first.added()).hasSize(days);
        // The stretch of empty runs: Saturdays, when arXiv announces nothing, and skeletons only.
        assertThat(first.skipped()).filteredOn(s -> s.file().equals("cs.IR.md")).extracting(ImportReport.Skip::date)
                .contains(LocalDate.parse("2024-02-03"), LocalDate.parse("2024-03-09"));
        assertThat(first.skipped()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.reason()).isEqualTo("no entries (no summary-table rows)"));
        // The bot's README.md matches *.md but is documentation: named once, never read as days.
        assertThat(first.skipped()).noneMatch(s -> s.file().equals("README.md"));
        assertThat(first.notes()).anySatisfy(n -> assertThat(n.toString()).contains("not imported").contains("README.md"));
        assertThat(first.lastCommit()).isEqualTo(run(clone, "git", "rev-parse", "refs/heads/master").strip());
        assertThat(first.summary()).contains("days added").contains("skipped 6 days of cs.IR.md (no entries")
                .contains(first.lastCommit());
    }

    @Test
    void theImportMatchesTheSharedCorpusOnEveryDayBothHave() throws IOException {
        Path corpus = SharedCorpus.cnChatArxiv();
        int compared = 0;
        for (String target : first.added()) {
            Path there = corpus.resolve(target);
            // 2024-01-20 is where the bundle starts: its first commit adds files the corpus dates earlier.
            if (Files.exists(there)) {
                assertThat(Files.readAllBytes(content.resolve(target))).as(target).isEqualTo(Files.readAllBytes(there));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(first.added().size() - 5);
    }

    @Test
    void everyEntryOfEveryChosenRevisionReachesTheBuiltSite() throws Exception {
        Path site = dir.resolve("site");
        BuildReport built = new Bake(new ContentReader(), new JBakeOven())
                .build(new Bake.Options(content, site, "/", Path.of("."), "History"));
        assertThat(built.written()).isTrue();
        int entries = 0;
        for (String target : first.added()) {
            String digestPage = Files.readString(site.resolve("digests/" + target.replace(".md", "/index.html")));
            Matcher m = ROW.matcher(Files.readString(content.resolve(target)));
            while (m.find()) {
                String id = m.group(1).replaceFirst("^https?://(rss\\.)?arxiv\\.org/abs/", "").replaceFirst("v\\d+$", "");
                assertThat(site.resolve("papers/" + id + "/index.html")).as(target + " lists " + id).isRegularFile();
                assertThat(digestPage).as(target + " links " + id).contains("/papers/" + id + "/");
                entries++;
            }
        }
        assertThat(entries).isGreaterThan(5000);
    }

    @Test
    void aSecondRunReadsNothingAndChangesNoByte() throws Exception {
        Map<String, String> before = snapshot(content);
        ImportReport again = importer().run(options(SharedCorpus.historyBundle(), false));
        assertThat(again.revisions()).isZero();
        assertThat(again.added()).isEmpty();
        assertThat(again.skipped()).isEmpty();
        assertThat(again.lastCommit()).isEqualTo(first.lastCommit());
        assertThat(snapshot(content)).isEqualTo(before);
    }

    @Test
    void aBareCloneOfTheSameHistoryGivesTheSameContentAndState() throws Exception {
        Path fromClone = dir.resolve("from-clone");
        new Importer(new ContentReader()).run(new Importer.Options(clone, null, List.of("*.md"), null, ZoneOffset.UTC,
                fromClone, null, false));
        assertThat(snapshot(fromClone)).containsKey(ImportState.FILE_NAME).isEqualTo(snapshot(content));
    }

    /** Every file under a folder (the state file included) by path, as its SHA-256. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Importer.sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    static String run(Path cwd, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException(String.join(" ", command) + " exited " + rc + ": " + out.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
