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
import org.junit.jupiter.api.Test;
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
        assertThat(r.diagnostics()).hasSize(3);
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
