package paperbake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.history.GrowingRepo;

class ImportCommandTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {}

    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void oneChannelForAllFilesFromADateOnwardsAndACollisionIsReported() throws Exception {
        Path repoDir = dir.resolve("repo");
        try (GrowingRepo repo = GrowingRepo.init(repoDir)) {
            repo.commit("cs.CL.md", GrowingRepo.digest("2403.00001"), "2024-03-07T03:05:00Z");
            repo.commit("cs.CL.md", GrowingRepo.digest("2403.00002"), "2024-03-08T03:05:00Z");
            repo.commit("econ.md", GrowingRepo.digest("2403.00003"), "2024-03-08T03:06:00Z");
            repo.commit("econ.md", GrowingRepo.digest("2403.00004"), "2024-03-09T03:06:00Z");
        }
        Path content = dir.resolve("content");
        Result r = run("import", "--repo", repoDir.toString(), "--content", content.toString(),
                "--files", "cs.CL.md,econ.md", "--channel", "all", "--since", "2024-03-08");
        assertThat(r.exit()).as(r.err()).isZero();
        try (var s = Files.list(content.resolve("all"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("2024-03-08.md", "2024-03-09.md");
        }
        assertThat(r.out()).contains("2 days added").contains("1 kept").contains("1 date before --since not imported")
                .contains("kept econ.md 2024-03-08: all/2024-03-08.md was written from cs.CL.md in this run");
    }

    @Test
    void badArgumentsAndMissingRepositoriesExitWithStatus2() {
        Path content = dir.resolve("content");
        assertThat(run("import", "--repo", dir.resolve("nowhere").toString(), "--content", content.toString()))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("no such repository folder or bundle file"));
        assertThat(run("import", "--repo", dir.toString(), "--timezone", "Mars/Olympus").exit()).isEqualTo(2);
        assertThat(run("import", "--repo", dir.toString(), "--channel", "a", "--channel-from-file").exit())
                .as("the two channel options exclude each other").isEqualTo(2);
    }
}
