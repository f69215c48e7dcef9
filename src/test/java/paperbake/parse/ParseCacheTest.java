package paperbake.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.cache.BuildCache;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.report.Diagnostic;
import paperbake.report.Progress;
import paperbake.testing.FileTree;

class ParseCacheTest {

    private static final DateLimits DATES = new DateLimits(LocalDate.of(2026, 12, 1), 3);

    /** For parses encoded without offsets: none of their fields is read from the file's text. */
    private static final ParseCache.FileText NO_TEXT = asDecoded -> {
        throw new AssertionError("a field named by offset in a parse encoded without offsets");
    };

    @TempDir
    Path dir;

    private ParseCache cache(boolean reuse) {
        return new ParseCache(BuildCache.open(dir.resolve("cache"), "test", n -> { }).orElseThrow(), reuse);
    }

    private static byte[] bytes(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The file's text as a cache hit makes it again from the bytes, for the fields kept by offset. */
    private static ParseCache.FileText text(Path f) {
        return asDecoded -> ContentReader.sourceText(f, bytes(f), asDecoded);
    }

    private static long size(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static List<Path> digests(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    /** Every fixture, the hostile ones included, parsed for real: what comes back is what went in. */
    @Test
    void everyFixturesParseComesBackExactly() throws IOException {
        ContentReader reader = new ContentReader(new DigestParser(DATES));
        List<Path> files = new ArrayList<>(digests(Path.of("src/test/resources")));
        files.addAll(digests(Path.of("content")));
        assertThat(files).hasSizeGreaterThan(30);
        for (Path f : files) {
            ParseResult r = reader.parse(f, f.getParent().getFileName().toString(), Files.readAllBytes(f));
            Path elsewhere = Path.of("/moved/checkout").resolve(f.getFileName());
            ParseResult back = ParseCache.decode(ParseCache.encode(r, f, null), elsewhere, NO_TEXT);
            assertThat(back.diagnostics()).as(f.toString()).hasSameSizeAs(r.diagnostics());
            assertThat(ParseCache.decode(ParseCache.encode(r, f, null), f, NO_TEXT)).as(f.toString()).isEqualTo(r);
            if (r.digest() != null) {
                assertThat(back.digest().source()).as("paths are the file's as found now").isEqualTo(elsewhere);
            }
        }
    }

    @Test
    void textCutInsideASurrogatePairComesBackAsItWas() throws IOException {
        Path f = Path.of("x/2024-01-01.md");
        Digest d = new Digest(new DigestId("x", "2024-01-01"), f, LocalDate.of(2024, 1, 1), "cut \uD83D", List.of(),
                List.of(new Digest.UnlinkedEntry(3, "\uDE00 tail", "", "中文", "https://example.org/")));
        ParseResult r = new ParseResult(d, List.of(Diagnostic.warning(Path.of("other.md"), 2, "elsewhere")), 1,
                Map.of("no arXiv link", 1));
        assertThat(ParseCache.decode(ParseCache.encode(r, f, null), f, NO_TEXT)).isEqualTo(r);
    }

    @Test
    void aTextIsTakenForUtf8ExactlyWhenItComesBackFromUtf8() {
        for (String s : List.of("", "plain", "中文 🤖 pair", "\uD83D", "\uDE00", "a\uD83Db", "a\uDE00\uD83D",
                "\uD83D\uD83D\uDE00", "\uD83D\uDE00\uDE00", "end \uD83D\uDE00")) {
            boolean roundTrips = new String(s.getBytes(UTF_8), UTF_8).equals(s);
            assertThat(ParseCache.pairedSurrogates(s)).as(s.codePoints().boxed().toList().toString()).isEqualTo(roundTrips);
        }
    }

    @Test
    void aSecondReadTakesEveryFileFromTheCacheAndReadsTheSame() throws IOException {
        Path content = dir.resolve("content");
        FileTree.copyTree(Path.of("content"), content);
        ContentReader reader = new ContentReader(new DigestParser(DATES));
        ReadResult plain = reader.read(content, Progress.SILENT);
        ReadResult first = reader.read(content, Progress.SILENT, cache(true));
        ParseCache warm = cache(true);
        for (Path f : digests(content)) {
            assertThat(warm.get(f, f.getParent().equals(content) ? "" : f.getParent().getFileName().toString(),
                    bytes(f), DATES, text(f))).as(f + " is in the cache").isPresent();
        }
        ReadResult second = reader.read(content, Progress.SILENT, warm);
        assertThat(first).isEqualTo(plain);
        assertThat(second).isEqualTo(plain);
    }

    /**
     * Every fixture, the hostile ones included, read through the cache in place: what the second
     * read takes from the cache, its long fields by offset into each file's text, is what a read
     * without a cache makes.
     */
    @Test
    void everyFixtureReadBackFromTheCacheIsTheSameAsParsed() throws IOException {
        Path content = dir.resolve("fixtures");
        Path resources = Path.of("src/test/resources");
        List<Path> fixtures = digests(resources);
        for (int i = 0; i < fixtures.size(); i++) { // one channel folder each: some share a name
            Path to = content.resolve("c" + i).resolve(fixtures.get(i).getFileName().toString());
            Files.createDirectories(to.getParent());
            Files.copy(fixtures.get(i), to);
        }
        ContentReader reader = new ContentReader(new DigestParser(DATES));
        ReadResult plain = reader.read(content, Progress.SILENT);
        reader.read(content, Progress.SILENT, cache(true));
        assertThat(reader.read(content, Progress.SILENT, cache(true))).isEqualTo(plain);
        assertThat(plain.digests()).hasSizeGreaterThan(20);
        assertThat(plain.digests().stream().mapToInt(d -> d.entries().size()).sum()).isGreaterThan(50);
    }

    /** The cache holds TL;DRs and abstracts as offsets into the file it was parsed from, not a second copy of them. */
    @Test
    void theCacheNamesLongFieldsByOffsetInsteadOfCopyingThem() throws IOException {
        Path content = dir.resolve("content");
        FileTree.copyTree(Path.of("content"), content);
        new ContentReader(new DigestParser(DATES)).read(content, Progress.SILENT, cache(true));
        long markdown = size(content);
        long cached = size(dir.resolve("cache/" + ParseCache.KIND));
        assertThat(markdown).isGreaterThan(1_000_000);
        assertThat(cached).as("cached parses against %,d bytes of Markdown", markdown).isLessThan(markdown / 5);
    }

    @Test
    void aDamagedCacheReadsTheSameAsNone() throws IOException {
        Path content = dir.resolve("content");
        FileTree.copyTree(Path.of("content"), content);
        ContentReader reader = new ContentReader(new DigestParser(DATES));
        reader.read(content, Progress.SILENT, cache(true));
        try (Stream<Path> s = Files.walk(dir.resolve("cache/" + ParseCache.KIND))) {
            int[] n = {0};
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(p);
                switch (n[0]++ % 3) {
                    case 0 -> b[b.length / 2] ^= 0x20;
                    case 1 -> b = java.util.Arrays.copyOf(b, b.length / 2);
                    default -> b = "garbage".getBytes(UTF_8);
                }
                Files.write(p, b);
            }
        }
        assertThat(reader.read(content, Progress.SILENT, cache(true))).isEqualTo(reader.read(content, Progress.SILENT));
    }

    /** A digest dated after the build's last plausible date gets a warning naming the build's date: never reused. */
    @Test
    void aDigestDatedAfterTheBuildIsNeitherKeptNorReused() throws IOException {
        Path f = dir.resolve("content/x/2026-12-20.md");
        Files.createDirectories(f.getParent());
        Files.copy(Path.of("content/cs.CL/2026-08-21.md"), f);
        byte[] bytes = Files.readAllBytes(f);
        ContentReader early = new ContentReader(new DigestParser(DATES));
        ParseResult warned = early.parse(f, "x", bytes);
        assertThat(warned.diagnostics()).anyMatch(d -> d.message().contains("after the build's date"));
        ParseCache cache = cache(true);
        cache.put(f, "x", bytes, warned, DATES);
        assertThat(cache.get(f, "x", bytes, DATES, text(f))).isEmpty();

        DateLimits later = new DateLimits(LocalDate.of(2026, 12, 20), 3);
        cache.put(f, "x", bytes, new ContentReader(new DigestParser(later)).parse(f, "x", bytes), later);
        assertThat(cache.get(f, "x", bytes, later, text(f))).isPresent();
        assertThat(cache.get(f, "x", bytes, DATES, text(f))).as("back before the digest's date").isEmpty();
    }
}
