package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.model.Archive;
import paperbake.model.ArchiveBuilder;
import paperbake.model.ArxivId;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.model.Entry;

class SearchIndexWriterTest {

    static Entry entry(String id, String titleZh, String titleEn, String tldr) {
        return new Entry(new ArxivId.Ref(new ArxivId(id), 1), 1, titleZh, titleEn, tldr, "",
                "摘要：" + titleZh, "Abstract: " + titleEn, false, false, "new", "");
    }

    static Archive archive() {
        ArchiveBuilder b = new ArchiveBuilder();
        b.add(new Digest(new DigestId("cs.CL", "2024-03-07"), Path.of("a.md"), LocalDate.of(2024, 3, 7), "", List.of(
                entry("2403.00001", "大语言模型的幻觉", "Hallucination in Large Language Models", "研究幻觉。"),
                entry("2403.00002", "检索增强生成", "Retrieval <b>Augmented</b> Generation & \u2028 tricks", "</script>"),
                entry("2403.00003", "机器翻译", "Neural Machine Translation", "翻译")), List.of()));
        b.add(new Digest(new DigestId("cs.IR", "2024-03-08"), Path.of("b.md"), LocalDate.of(2024, 3, 8), "", List.of(
                entry("2403.00002", "检索增强生成", "Retrieval <b>Augmented</b> Generation & \u2028 tricks", "</script>"),
                entry("2403.00004", "推荐系统", "Recommender Systems", "推荐")), List.of()));
        b.add(new Digest(new DigestId("", "undated-x"), Path.of("c.md"), null, "", List.of(
                entry("2403.00005", "未注明日期", "Undated Paper", "")), List.of()));
        return b.build();
    }

    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    out.put(root.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    /** 1,200 synthetic papers, so that indexing really runs in several slices. */
    static Archive big() {
        java.util.Random r = new java.util.Random(5);
        String[] en = {"model", "language", "graph", "retrieval", "agent", "tokenizer", "bias", "speech", "vision", "reasoning"};
        String[] zh = {"模型", "语言", "图谱", "检索", "智能体", "分词", "偏见", "语音", "视觉", "推理"};
        List<Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            StringBuilder t = new StringBuilder();
            StringBuilder z = new StringBuilder();
            for (int w = 0; w < 3 + r.nextInt(20); w++) {
                t.append(en[r.nextInt(en.length)]).append(' ');
                z.append(zh[r.nextInt(zh.length)]);
            }
            entries.add(entry(String.format("2401.%05d", i), z.toString(), t.toString(), z.substring(0, 2)));
        }
        // Three months of 400 papers: three slices.
        ArchiveBuilder b = new ArchiveBuilder();
        for (int m = 1; m <= 3; m++) {
            String date = String.format("2024-%02d-05", m);
            b.add(new Digest(new DigestId("cs.CL", date), Path.of("big-" + m + ".md"), LocalDate.parse(date), "",
                    entries.subList(400 * (m - 1), 400 * m), List.of()));
        }
        return b.build();
    }

    @Test
    void scoresDoNotDependOnHowThePapersAreSlicedNorOnTheThreads() throws IOException {
        Archive a = big();
        // inverted month by month and merged, or a segment per month with positions (IndexWriter's)
        try (LuceneIndex whole = LuceneIndex.build(a, false, 1, null, List::of); LuceneIndex months = LuceneIndex.build(a, 3);
             LuceneIndex segments = LuceneIndex.build(a, true, 3, null)) {
            assertThat(whole.reader().leaves()).hasSize(1);
            assertThat(segments.reader().leaves()).as("a slice per month").hasSize(3);
            List<TermScores.Postings> expected = TermScores.compute(whole);
            assertSameScores(expected, TermScores.compute(months));
            assertSameScores(expected, TermScores.compute(segments));
        }
    }

    /**
     * The export's terms come in batches cut by first character (TermScores.CUTS); together they
     * are every term of every field exactly once, in UTF-16 order, whatever the first character:
     * on either side of a cut, and beyond the last (supplementary Han, whose UTF-8 and UTF-16
     * orders differ from the BMP's last characters).
     */
    @Test
    void theBatchesAreEveryTermOnceInUtf16Order() throws IOException {
        ArchiveBuilder b = new ArchiveBuilder();
        String[] words = {"0day", "9lives", "alpha", "a", "zulu", "zzz", "éclair", "ωmega", "мир", "\u3042\u3044",
                "模型训练", "\u9fa5\u9fa0", "한국어", "\ud840\udc00\ud840\udc01", "\ud83d\ude00smile", "~tilde"};
        List<Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            entries.add(entry(String.format("2401.%05d", i), words[i], words[i] + " " + words[(i + 1) % words.length], ""));
        }
        b.add(new Digest(new DigestId("cs.CL", "2024-01-05"), Path.of("w.md"), LocalDate.of(2024, 1, 5), "", entries, List.of()));
        try (LuceneIndex index = LuceneIndex.build(b.build())) {
            java.util.TreeSet<String> expected = new java.util.TreeSet<>();
            for (SearchField f : SearchField.values()) {
                org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(index.reader(), f.name);
                if (terms != null) {
                    org.apache.lucene.index.TermsEnum te = terms.iterator();
                    for (org.apache.lucene.util.BytesRef t = te.next(); t != null; t = te.next()) {
                        expected.add(t.utf8ToString());
                    }
                }
            }
            List<List<String>> batches = new java.util.ArrayList<>();
            TermScores.compute(index, batch -> batches.add(batch.stream().map(TermScores.Postings::term).toList()));
            List<String> all = batches.stream().flatMap(List::stream).toList();
            assertThat(all).as("every term once, in String.compareTo order").containsExactlyElementsOf(expected);
            assertThat(batches).as("several batches").hasSizeGreaterThan(5).allSatisfy(x -> assertThat(x).isNotEmpty());
            assertThat(all).as("supplementary Han, after every cut and before U+E000 in UTF-16 order")
                    .anyMatch(t -> Character.isHighSurrogate(t.charAt(0)));
            assertThat(all).as("on either side of cuts").contains("0day", "alpha", "zzz", "한국어");
        }
    }

    static void assertSameScores(List<TermScores.Postings> x, List<TermScores.Postings> y) {
        assertThat(x).hasSameSizeAs(y);
        for (int i = 0; i < x.size(); i++) {
            assertThat(y.get(i).term()).isEqualTo(x.get(i).term());
            assertThat(y.get(i).docs()).isEqualTo(x.get(i).docs());
            assertThat(y.get(i).scores()).isEqualTo(x.get(i).scores());
        }
    }

    @Test
    void sameArchiveGivesByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        SearchIndexStats sa = new SearchIndexWriter().write(archive(), a);
        new SearchIndexWriter().write(archive(), b);
        Map<String, byte[]> fa = files(a);
        Map<String, byte[]> fb = files(b);
        assertThat(fa.keySet()).isEqualTo(fb.keySet());
        fa.forEach((k, v) -> assertThat(v).as(k).isEqualTo(fb.get(k)));
        assertThat(sa.files()).isEqualTo(fa.size());
        assertThat(sa.bytes()).isEqualTo(fa.values().stream().mapToLong(x -> x.length).sum());
        assertThat(fa).containsKeys("search/manifest.json", "search/f/dates.json", "search/f/c0.bin", "search/r/0.json");
    }

    /** A new day's papers take the first doc numbers; result files are counted from the oldest paper, so the others stay. */
    @Test
    void aNewDayLeavesTheOlderPapersResultFilesAsTheyWere(@TempDir Path before, @TempDir Path after) throws IOException {
        new SearchIndexWriter().write(archive(), before);
        ArchiveBuilder b = new ArchiveBuilder();
        archive().digests().forEach(b::add);
        b.add(new Digest(new DigestId("cs.CL", "2024-03-09"), Path.of("d.md"), LocalDate.of(2024, 3, 9), "", List.of(
                entry("2403.00006", "新的一天", "A New Day", "新")), List.of()));
        new SearchIndexWriter().write(b.build(), after);
        Map<String, byte[]> x = files(before.resolve("search/r"));
        Map<String, byte[]> y = files(after.resolve("search/r"));
        assertThat(x).containsOnlyKeys("0.json", "1.json", "2.json");
        assertThat(y.get("0.json")).isEqualTo(x.get("0.json"));
        assertThat(y.get("1.json")).isEqualTo(x.get("1.json"));
        assertThat(new String(y.get("2.json"), StandardCharsets.UTF_8)).contains("A New Day");
    }

    @Test
    void docNumbersRunNewestFirstWithUndatedLast() {
        try (LuceneIndex idx = LuceneIndex.build(archive(), 3)) {
            assertThat(idx.papers().stream().map(p -> p.id().value()))
                    .containsExactly("2403.00004", "2403.00002", "2403.00003", "2403.00001", "2403.00005");
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void jsonEscapesMarkupAndLineSeparators(@TempDir Path dir) throws IOException {
        new SearchIndexWriter().write(archive(), dir);
        String all = String.join("\n", files(dir.resolve("search/r")).values().stream()
                .map(x -> new String(x, StandardCharsets.UTF_8)).toList());
        assertThat(all).contains("Retrieval \\u003Cb\\u003EAugmented\\u003C/b\\u003E Generation \\u0026 \\u2028 tricks");
        assertThat(all).doesNotContain("<", ">", "&", "\u2028");
        String dates = Files.readString(dir.resolve("search/f/dates.json"));
        assertThat(dates).isEqualTo("{\"dated\":4,\"dates\":[[\"2024-03-08\",0],[\"2024-03-07\",2]]}");
    }

    @Test
    void shardBoundariesAreShortSeparators() {
        assertThat(TermsWriter.separator("language", "large")).isEqualTo("lar");
        assertThat(TermsWriter.separator("模", "模型")).isEqualTo("模型");
        assertThat(TermsWriter.separator("a", "b")).isEqualTo("b");
    }
}
