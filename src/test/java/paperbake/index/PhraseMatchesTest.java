package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.model.Archive;
import paperbake.model.ArchiveBuilder;
import paperbake.model.ArxivId;
import paperbake.parse.ContentReader;
import paperbake.parse.ReadResult;
import paperbake.testing.SharedCorpus;

/**
 * Topics over an index without positions have exactly the members Lucene's own phrase matching
 * gives over the same archive indexed with positions.
 */
class PhraseMatchesTest {

    /** Phrases with stop-word gaps, a leading stop word, a repeated term, under NOT, MUST, boosts, fields. */
    static final List<String> QUERIES = List.of(
            "\"language models\"", "\"the language model\"", "\"model of language\"", "\"language the model\"",
            "\"model model\"", "\"large language models\" -\"language models\"", "model -\"language model\"",
            "+\"language model\" +speech", "\"speech recognition\"^2 OR title:\"sentiment analysis\"",
            "abstract:\"in context learning\"", "tldr:\"question answering\" OR 问答", "大型语言模型", "语音识别 -语音",
            "title:(情感分析 OR \"retrieval augmented\")", "模型 AND \"large language\"", "\"language\"", "\"zzz language\"",
            "llm* AND \"language models\"", "语言模型*", "\"语言 模型\"", "\"a an the\"");

    @Test
    void everyPhraseShapeMatchesAsLuceneWithPositions() {
        List<TopicSpec> specs = new ArrayList<>();
        for (int i = 0; i < QUERIES.size(); i++) {
            specs.add(new TopicSpec("q" + i, "", "Q", QUERIES.get(i), "", i + 1));
        }
        int nonEmpty = sameAsLucene(TopicsTest.fixture(), specs);
        assertThat(nonEmpty).as("queries that match something").isGreaterThanOrEqualTo(12);
    }

    @Test
    void theThirtyBenchmarkTopicsMatchAsLuceneWithPositionsOnRealDigests(@TempDir Path dir) throws Exception {
        ReadResult read = new ContentReader().read(SharedCorpus.cnChatArxiv().resolve("cs.CL"));
        ArchiveBuilder b = new ArchiveBuilder();
        for (int i = 0; i < read.digests().size(); i += 6) { // every sixth digest: ~2,700 papers
            b.add(read.digests().get(i));
        }
        Files.copy(Path.of("src/test/resources/bench/topics-cs.CL.yml"), dir.resolve(TopicsFile.NAME));
        List<TopicSpec> specs = new TopicsFile().read(dir).topics();
        assertThat(specs).hasSize(30);
        assertThat(sameAsLucene(b.build(), specs)).isEqualTo(30);
    }

    @Test
    void aSloppyPhraseNeedsPositions() {
        TopicsFile.Result sloppy = new TopicsFile.Result(List.of(new TopicSpec("s", "", "S", "\"speech model\"~3", "", 1)), List.of());
        TopicsFile.Result exact = new TopicsFile.Result(List.of(new TopicSpec("e", "", "E", "\"speech model\" OR 语音 OR spe*", "", 1)), List.of());
        assertThat(Topics.needsPositions(sloppy)).isTrue();
        assertThat(Topics.needsPositions(exact)).isFalse();
        Archive archive = TopicsTest.fixture();
        try (LuceneIndex plain = LuceneIndex.build(archive); LuceneIndex positions = LuceneIndex.build(archive, true)) {
            assertThat(Topics.of(sloppy, Path.of("topics.yml"), positions).topics()).singleElement()
                    .satisfies(t -> assertThat(t.members()).isNotEmpty());
            assertThatThrownBy(() -> Topics.of(sloppy, Path.of("topics.yml"), plain))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("positions");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Asserts each topic's members on an index without positions are Lucene's hits with them; returns how many matched something. */
    private static int sameAsLucene(Archive archive, List<TopicSpec> specs) {
        try (LuceneIndex plain = LuceneIndex.build(archive); LuceneIndex positions = LuceneIndex.build(archive, true)) {
            assertThat(plain.positions()).isFalse();
            Topics topics = Topics.of(new TopicsFile.Result(specs, List.of()), Path.of("topics.yml"), plain);
            assertThat(topics.topics()).hasSameSizeAs(specs);
            int nonEmpty = 0;
            for (Topic t : topics.topics()) {
                TopDocs hits = positions.searcher().search(Topics.parse(t.spec().query(), positions), Math.max(1, archive.papers().size()));
                List<ArxivId> expected = new ArrayList<>();
                Arrays.stream(hits.scoreDocs).mapToInt(sd -> sd.doc).sorted()
                        .forEach(d -> expected.add(positions.papers().get(d).id()));
                assertThat(t.members()).as(t.spec().query()).isEqualTo(expected);
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
            return nonEmpty;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
