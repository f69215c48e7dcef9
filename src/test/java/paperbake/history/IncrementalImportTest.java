package paperbake.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.parse.ContentReader;

/** Re-runs of import on a repository grown commit by commit, and on one whose history is rewritten. */
class IncrementalImportTest {

    @TempDir
    Path dir;

    GrowingRepo repo;
    Path content;

    @BeforeEach
    void init() throws Exception {
        repo = GrowingRepo.init(dir.resolve("repo"));
        content = dir.resolve("content");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    ImportReport importNow(boolean refresh) throws Exception {
        return importIn(ZoneOffset.UTC, refresh);
    }

    ImportReport importIn(ZoneId zone, boolean refresh) throws Exception {
        return new Importer(new ContentReader()).run(new Importer.Options(
                repo.dir, null, List.of("*.md"), null, zone, content, null, refresh));
    }

    String day(String name) throws Exception {
        return Files.readString(content.resolve("cs.CL/" + name + ".md"), StandardCharsets.UTF_8);
    }

    @Test
    void eachRunReadsOnlyTheNewCommitsAndKeepsWhatItImported() throws Exception {
        String a = GrowingRepo.digest("2403.00001", "2403.00002");
        repo.commit("cs.CL.md", a, "2024-03-07T03:05:00Z");
        ImportReport r1 = importNow(false);
        assertThat(r1.added()).containsExactly("cs.CL/2024-03-07.md");
        assertThat(r1.revisions()).isEqualTo(1);

        // The bot's next run of the day writes a skeleton: that day keeps its entries, nothing is reported skipped.
        repo.commit("cs.CL.md", GrowingRepo.SKELETON, "2024-03-07T09:05:00Z");
        ImportReport r2 = importNow(false);
        assertThat(r2.revisions()).as("only the new commit is read").isEqualTo(1);
        assertThat(r2.added()).isEmpty();
        assertThat(r2.skipped()).isEmpty();
        assertThat(day("2024-03-07")).isEqualTo(a);

        // A day of skeletons only is no day: reported, not written.
        repo.commit("cs.CL.md", GrowingRepo.SKELETON.replace("# 详细", "# 详细 "), "2024-03-08T03:05:00Z");
        String b = GrowingRepo.digest("2403.00003");
        repo.commit("cs.CL.md", b, "2024-03-09T03:05:00Z");
        ImportReport r3 = importNow(false);
        assertThat(r3.revisions()).isEqualTo(2);
        assertThat(r3.added()).containsExactly("cs.CL/2024-03-09.md");
        assertThat(r3.skipped()).extracting(s -> s.date().toString(), ImportReport.Skip::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2024-03-08", "no entries (no summary-table rows)"));
        assertThat(content.resolve("cs.CL/2024-03-08.md")).doesNotExist();

        // A later revision of an imported day is not taken without --refresh, and the summary says so.
        String b2 = GrowingRepo.digest("2403.00003", "2403.00004");
        repo.commit("cs.CL.md", b2, "2024-03-09T15:05:00Z");
        ImportReport r4 = importNow(false);
        assertThat(r4.kept()).singleElement().satisfies(k -> assertThat(k.reason()).contains("--refresh"));
        assertThat(day("2024-03-09")).isEqualTo(b);
        Map<String, String> before = BundleImportTest.snapshot(content);
        ImportReport r5 = importNow(false);
        assertThat(r5.revisions()).isZero();
        assertThat(BundleImportTest.snapshot(content)).as("running it again changes no byte").isEqualTo(before);

        ImportReport refreshed = importNow(true);
        assertThat(refreshed.updated()).containsExactly("cs.CL/2024-03-09.md");
        assertThat(day("2024-03-09")).isEqualTo(b2);
        assertThat(refreshed.unchanged()).isEqualTo(1);
    }

    @Test
    void filesImportDidNotWriteOrThatWereEditedAreNeverOverwritten() throws Exception {
        repo.commit("cs.CL.md", GrowingRepo.digest("2403.00001"), "2024-03-07T03:05:00Z");
        Path mine = content.resolve("cs.CL/2024-03-07.md");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "my own notes\n");
        ImportReport r1 = importNow(false);
        assertThat(r1.added()).isEmpty();
        assertThat(r1.kept()).singleElement().satisfies(k -> assertThat(k.reason()).contains("not written by import"));
        assertThat(Files.readString(mine)).isEqualTo("my own notes\n");

        repo.commit("cs.CL.md", GrowingRepo.digest("2403.00002"), "2024-03-08T03:05:00Z");
        importNow(false);
        Path edited = content.resolve("cs.CL/2024-03-08.md");
        Files.writeString(edited, Files.readString(edited) + "\nfixed by hand\n");
        repo.commit("cs.CL.md", GrowingRepo.digest("2403.00002", "2403.00005"), "2024-03-08T09:05:00Z");
        ImportReport refreshed = importNow(true);
        assertThat(refreshed.updated()).isEmpty();
        assertThat(refreshed.kept()).extracting(ImportReport.Skip::reason)
                .anySatisfy(r -> assertThat(r).contains("edited after import"));
        assertThat(Files.readString(edited)).endsWith("fixed by hand\n");
    }

    @Test
    void aRewrittenHistoryIsSaidAndLosesNothingImported() throws Exception {
        String c1 = repo.commit("cs.CL.md", GrowingRepo.digest("2403.00001"), "2024-03-07T03:05:00Z");
        repo.commit("cs.CL.md", GrowingRepo.digest("2403.00002"), "2024-03-08T03:05:00Z");
        repo.commit("cs.CL.md", GrowingRepo.digest("2403.00003"), "2024-03-09T03:05:00Z");
        assertThat(importNow(false).added()).hasSize(3);
        Map<String, String> imported = BundleImportTest.snapshot(content);

        // Force push: the last two days are replaced by other commits, and a new day comes.
        repo.resetHard(c1);
        repo.commit("cs.CL.md", GrowingRepo.digest("2403.00002", "2403.00009"), "2024-03-08T04:00:00Z");
        repo.commit("cs.CL.md", GrowingRepo.digest("2403.00010"), "2024-03-10T03:05:00Z");
        ImportReport r = importNow(false);

        assertThat(r.notes()).extracting(Object::toString)
                .anySatisfy(n -> assertThat(n).contains("cs.CL.md:1: warning:").contains("history was rewritten"))
                .anySatisfy(n -> assertThat(n).contains("2 imported days come from commits the rewritten history no longer has"));
        assertThat(r.added()).containsExactly("cs.CL/2024-03-10.md");
        assertThat(r.kept()).singleElement().satisfies(k -> {
            assertThat(k.date()).hasToString("2024-03-08");
            assertThat(k.reason()).contains("--refresh");
        });
        Map<String, String> now = BundleImportTest.snapshot(content);
        imported.forEach((path, sha) -> {
            if (!path.equals(ImportState.FILE_NAME)) {
                assertThat(now).as("kept " + path).containsEntry(path, sha);
            }
        });

        // The state now follows the new history: the next run reads nothing.
        assertThat(importNow(false).revisions()).isZero();
    }

    @Test
    void daysAreCutInTheGivenTimeZone() throws Exception {
        // 22:30 UTC on the 7th is already the 8th in Shanghai.
        repo.commit("cs.CL.md", GrowingRepo.digest("2403.00001"), "2024-03-07T22:30:00Z");
        assertThat(importIn(ZoneId.of("Asia/Shanghai"), false).added()).containsExactly("cs.CL/2024-03-08.md");
    }

    @Test
    void daysOfAFileDeletedSinceTheLastRunAreStillImported() throws Exception {
        repo.commit("econ.md", GrowingRepo.digest("2403.00001"), "2024-03-07T03:05:00Z");
        importNow(false);
        repo.commit("econ.md", GrowingRepo.digest("2403.00002"), "2024-03-08T03:05:00Z");
        repo.delete("econ.md", "2024-03-08T09:05:00Z");
        ImportReport r = importNow(false);
        assertThat(r.added()).containsExactly("econ/2024-03-08.md");
        assertThat(r.skipped()).isEmpty();
    }

    @Test
    void emptyFilesAndErrorMessagesAreNoDaysAndSayWhy() throws Exception {
        repo.commit("cs.CL.md", "", "2024-02-10T03:05:00Z");
        repo.commit("cs.CL.md", "Error: openai.RateLimitError: You exceeded your current quota\n", "2024-02-11T03:05:00Z");
        repo.commit("cs.CL.md", GrowingRepo.digest("2402.00001"), "2024-02-12T03:05:00Z");
        ImportReport r = importNow(false);
        assertThat(r.added()).containsExactly("cs.CL/2024-02-12.md");
        assertThat(r.skipped()).extracting(s -> s.date().toString()).containsExactly("2024-02-10", "2024-02-11");
        assertThat(r.skipped().get(0).reason()).isEqualTo("empty file");
        assertThat(r.skipped().get(1).reason()).startsWith("no entries");
        assertThat(r.summary()).contains("skipped 1 day of cs.CL.md (empty file): 2024-02-10");
    }

    @Test
    void aFileWhoseNameCannotBeAChannelIsReportedAndTheOthersAreImported() throws Exception {
        repo.commit(".hidden.md", GrowingRepo.digest("2403.00001"), "2024-03-07T03:05:00Z");
        repo.commit("two words.md", GrowingRepo.digest("2403.00002"), "2024-03-07T03:06:00Z");
        repo.commit("cs.CL.md", GrowingRepo.digest("2403.00003"), "2024-03-07T03:07:00Z");
        ImportReport r = importNow(false);
        assertThat(r.added()).containsExactly("cs.CL/2024-03-07.md");
        assertThat(r.notes()).extracting(Object::toString).containsExactly(
                ".hidden.md:1: warning: \".hidden\" cannot be a channel name (letters, digits, '.', '-', '_'; not starting "
                        + "with '.'), or the path has control characters; file not imported: rename it or name a channel with --channel",
                "two words.md:1: warning: \"two words\" cannot be a channel name (letters, digits, '.', '-', '_'; not starting "
                        + "with '.'), or the path has control characters; file not imported: rename it or name a channel with --channel");
    }
}
