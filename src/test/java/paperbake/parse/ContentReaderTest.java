package paperbake.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static paperbake.parse.DigestParserTest.HEAD;
import static paperbake.parse.DigestParserTest.block;
import static paperbake.parse.DigestParserTest.row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.report.Diagnostic;

class ContentReaderTest {

    @TempDir
    Path dir;

    private final ContentReader reader = new ContentReader(new DigestParser(), 2);

    static String digest(String id) {
        String url = "https://arxiv.org/abs/" + id;
        return HEAD + row(1, "Title " + id, url, "摘要") + "\n# 详细\n\n" + block(1, "标题", "Title " + id, url, "t", "z", "e");
    }

    private Path write(String rel, String text) throws IOException {
        return write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String rel, byte[] bytes) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    private static void assertReconciled(ReadResult r) {
        assertThat(r.entriesRead()).isEqualTo(r.entriesWithId() + r.skippedCount());
        assertThat(r.entriesWithId()).isEqualTo(r.digests().stream().mapToInt(d -> d.entries().size()).sum());
    }

    @Test
    void layoutGivesChannelsFlatContentAndDeterministicOrder() throws IOException {
        write("b-chan/2024-01-02.md", digest("2401.00002"));
        write("b-chan/2024-01-01.md", digest("2401.00001"));
        write("2024-01-03.md", digest("2401.00003"));
        write("Odd Chan/2024-01-04.md", digest("2401.00004"));
        write("b-chan/deeper/2024-01-05.md", digest("2401.00005"));
        write("b-chan/notes.txt", "not a digest");
        write("b-chan/image.png", new byte[] {1, 2, 3});
        write(".git/HEAD.md", "ignored");

        ReadResult r = reader.read(dir);
        assertThat(r.digests()).extracting(Digest::id).containsExactly(
                new DigestId("", "2024-01-03"),
                new DigestId("Odd-Chan", "2024-01-04"),
                new DigestId("b-chan", "2024-01-01"),
                new DigestId("b-chan", "2024-01-02"));
        assertThat(r.diagnostics()).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("Odd Chan", "Odd-Chan"))
                .anySatisfy(m -> assertThat(m).contains("one directory deep"))
                .anySatisfy(m -> assertThat(m).contains("only files ending in .md"));
        assertThat(r.diagnostics()).filteredOn(d -> d.severity() == Diagnostic.Severity.NOTE).singleElement()
                .satisfies(d -> assertThat(d.toString()).isEqualTo(dir + ": note: not read, as only .md files are digests: "
                        + "hidden files and folders (.git/); files whose names do not end in .md (b-chan/image.png)"));
        assertThat(r.diagnostics()).hasSize(4);
        assertThat(r.entriesRead()).isEqualTo(4);
        assertThat(r.errorCount()).isZero();
        assertReconciled(r);
        // Same input, same output: the parallel parse must not leak into the order.
        assertThat(reader.read(dir)).isEqualTo(r);
    }

    @Test
    void bomCrlfInvalidUtf8AndBinaryFiles() throws IOException {
        write("c/2024-02-01.md", ("\uFEFF" + digest("2402.00001")).replace("\n", "\r\n"));
        byte[] good = digest("2402.00002").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 1];
        int at = digest("2402.00002").indexOf("[^1]:") + 7; // inside the Chinese title, line 9
        int byteAt = digest("2402.00002").substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        System.arraycopy(good, 0, bad, 0, byteAt);
        bad[byteAt] = (byte) 0xC3; // a lead byte with no continuation
        System.arraycopy(good, byteAt, bad, byteAt + 1, good.length - byteAt);
        write("c/2024-02-02.md", bad);
        write("c/2024-02-03.md", new byte[] {'#', ' ', 0, 0, (byte) 0xFF, 0x10});

        ReadResult r = reader.read(dir);
        assertThat(r.digests()).hasSize(2);
        assertThat(r.digests().get(0).entries().get(0).abstractEn()).isEqualTo("e");
        assertThat(r.digests().get(1).entries().get(0).titleZh()).contains("\uFFFD");
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.file().getFileName().toString()).isEqualTo("2024-02-02.md");
            assertThat(d.line()).isEqualTo(9);
            assertThat(d.message()).contains("not valid UTF-8");
        });
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.file().getFileName().toString()).isEqualTo("2024-02-03.md");
            assertThat(d.message()).contains("binary");
        });
        assertThat(r.filesFailed()).isEqualTo(1);
        assertReconciled(r);
    }

    @Test
    void twoFilesForOneDigestIdAreBothPublished() throws IOException {
        write("c/2024-03-01.md", digest("2403.00001"));
        write("c/special.md", "---\ndate: 2024-03-01\n---\n" + digest("2403.00002"));
        ReadResult r = reader.read(dir);
        assertThat(r.digests()).extracting(Digest::id).containsExactly(
                new DigestId("c", "2024-03-01"), new DigestId("c", "2024-03-01-2"));
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.file().getFileName().toString()).isEqualTo("special.md");
            assertThat(d.message()).contains("same page", "2024-03-01-2");
        });
    }

    @Test
    void aNameWithSpacesAroundItIsReadAndReported() throws IOException {
        write("c/2024-01-16.md ", digest("2401.00016"));
        ReadResult r = reader.read(dir);
        assertThat(r.digests()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(new DigestId("c", "2024-01-16"));
            assertThat(d.entries()).hasSize(1);
        });
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.message()).contains("'2024-01-16.md ' has spaces around it; it was read as '2024-01-16.md'");
        });
    }

    @Test
    void linksAreFollowedOnlyInsideTheContentFolderAndEachFileIsReadOnce() throws IOException {
        Path content = dir.resolve("content");
        Path secret = dir.resolve("private/secret.md");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, digest("2401.99999"));
        Path real = content.resolve("c/2024-01-01.md");
        Files.createDirectories(real.getParent());
        Files.writeString(real, digest("2401.00001"));
        Files.createSymbolicLink(content.resolve("c/2024-01-02.md"), secret);
        Files.createSymbolicLink(content.resolve("c/2024-01-00.md"), Path.of("2024-01-01.md"));
        Files.createSymbolicLink(content.resolve("mirror"), Path.of("c"));
        Files.createSymbolicLink(content.resolve("c/x.md"), Path.of("y.md"));
        Files.createSymbolicLink(content.resolve("c/y.md"), Path.of("x.md"));

        ReadResult r = reader.read(content);
        assertThat(r.digests()).extracting(d -> d.source().getFileName().toString()).containsExactly("2024-01-01.md");
        assertThat(r.diagnostics()).extracting(d -> content.relativize(d.file()) + ":" + d.line() + " " + d.message())
                .containsExactly(
                        "c/2024-01-00.md:1 this is a link to " + real + ", which is read already; it is not read twice",
                        "c/2024-01-02.md:1 this is a symbolic link to " + secret.toRealPath() + ", outside the content folder; "
                                + "it is not followed, so nothing from elsewhere on the disk is published",
                        "c/x.md:1 could not read the file (this symbolic link cannot be followed: its target is missing, "
                                + "or the links form a loop); file skipped",
                        "c/y.md:1 could not read the file (this symbolic link cannot be followed: its target is missing, "
                                + "or the links form a loop); file skipped",
                        "mirror:0 this is a link to c, a folder that is read already; it is not read twice");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // only turns a hang into a failure
    void aFifoOrOtherSpecialFileIsReportedNotRead() throws Exception {
        write("c/2024-01-01.md", digest("2401.00001"));
        Path fifo = dir.resolve("c/2024-01-02.md");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        ReadResult r = reader.read(dir);
        assertThat(r.digests()).hasSize(1);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo(fifo);
            assertThat(d.message()).contains("not a regular file");
        });
    }

    @Test
    void readsAreBoundedAndFailuresSayWhy() throws IOException {
        Path big = write("c/2024-01-01.md", digest("2401.00001") + "x".repeat(2000) + "\n");
        ReadResult r = new ContentReader(new DigestParser(), 1, 1000).read(dir);
        assertThat(r.digests()).isEmpty();
        assertThat(r.filesFailed()).isEqualTo(1);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo(big);
            assertThat(d.message()).isEqualTo("the file is larger than 1,000 bytes, far beyond any digest; not read");
        });
        assertThat(ReadFailure.reason(new java.nio.file.AccessDeniedException(big.toString()))).isEqualTo("permission denied");
        assertThat(ReadFailure.reason(new java.nio.file.FileSystemException(big.toString(), null, "Is a directory")))
                .isEqualTo("Is a directory");
    }

    @Test
    void channelsThatDifferOnlyInCaseAreOne() throws IOException {
        write("cs.CL/2024-01-01.md", digest("2401.00001"));
        write("cs.CL/2024-01-02.md", digest("2401.00002"));
        write("CS.CL/2024-01-03.md", digest("2401.00003"));
        write("cs.cl/2024-01-01.md", digest("2401.00004"));
        write("cs.cl/2024-01-04.md", digest("2401.00005"));
        write("flat/2024-01-05.md", "---\nchannel: CS.cl\n---\n" + digest("2401.00006"));

        ReadResult r = reader.read(dir);
        assertThat(r.digests()).extracting(d -> d.id().path()).containsExactlyInAnyOrder(
                "digests/cs.CL/2024-01-01/", "digests/cs.CL/2024-01-02/", "digests/cs.CL/2024-01-03/",
                "digests/cs.CL/2024-01-01-2/", "digests/cs.CL/2024-01-04/", "digests/cs.CL/2024-01-05/");
        assertThat(r.diagnostics()).filteredOn(d -> d.message().contains("only in letter case"))
                .extracting(d -> dir.relativize(d.file()) + " " + d.message().substring(0, d.message().indexOf(" only")))
                .containsExactly("CS.CL/2024-01-03.md channel 'CS.CL' differs from 'cs.CL'",
                        "cs.cl/2024-01-01.md channel 'cs.cl' differs from 'cs.CL'",
                        "flat/2024-01-05.md channel 'CS.cl' differs from 'cs.CL'");
        assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("its 2 digests are published under 'cs.CL'"));
        assertReconciled(r);
    }

    @Test
    void oneBadFileNeverStopsTheRest() throws IOException {
        write("c/2024-04-01.md", ">".repeat(10_000) + " deep\n");
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            list.append("- ");
        }
        write("c/2024-04-02.md", list + "item\n");
        StringBuilder nestedIndent = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            nestedIndent.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        write("c/2024-04-03.md", nestedIndent.toString());
        write("c/2024-04-04.md", "[".repeat(50_000) + "x" + "]".repeat(50_000) + "\n" + "*".repeat(50_000) + "\n");
        write("c/2024-04-05.md", digest("2404.00005"));

        ReadResult r = reader.read(dir);
        // Whatever happens to the pathological files, the good one is there and nothing is lost silently.
        assertThat(r.digests()).anySatisfy(d -> assertThat(d.entries()).singleElement()
                .satisfies(e -> assertThat(e.ref().id().value()).isEqualTo("2404.00005")));
        assertThat(r.digests().size() + r.filesFailed()).isEqualTo(5);
        assertThat(r.diagnostics()).filteredOn(d -> d.message().contains("read as plain text"))
                .extracting(d -> d.file().getFileName().toString())
                .containsExactly("2024-04-01.md", "2024-04-02.md", "2024-04-03.md", "2024-04-04.md");
        assertReconciled(r);
    }

    @Test
    void twoMegabyteLineAndFiftyMegabyteFileAreFast() throws IOException {
        String url = "https://arxiv.org/abs/2405.00001";
        String hugeAbstract = "word ".repeat(400_000); // 2 MB on one line
        write("c/2024-05-01.md", HEAD + row(1, "Big", url, "s") + "\n# 详细\n\n" + block(1, "大", "Big", url, "t", "z", hugeAbstract));

        StringBuilder big = new StringBuilder(HEAD);
        int n = 11_000;
        for (int i = 1; i <= n; i++) {
            big.append(row(i, "Title " + i, "https://arxiv.org/abs/2405." + String.format("%05d", i), "摘要 " + i));
        }
        big.append("\n# 详细\n\n");
        String filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(40);
        for (int i = 1; i <= n; i++) {
            String u = "https://arxiv.org/abs/2405." + String.format("%05d", i);
            big.append(block(i, "标题 " + i, "Title " + i, u, "要点", "中文摘要 " + filler, filler));
        }
        assertThat(big.length()).isGreaterThan(50_000_000);
        write("c/2024-05-02.md", big.toString());
        big = null;

        long t0 = System.nanoTime();
        ReadResult r = reader.read(dir);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(r.errorCount()).isZero();
        assertThat(r.digests().get(0).entries().get(0).abstractEn()).hasSize(hugeAbstract.strip().length());
        assertThat(r.digests().get(1).entries()).hasSize(n);
        assertThat(r.entriesRead()).isEqualTo(n + 1);
        assertThat(took).isLessThan(Duration.ofSeconds(60));
    }
}
