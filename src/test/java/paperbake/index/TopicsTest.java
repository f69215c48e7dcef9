package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import paperbake.model.Archive;
import paperbake.model.ArchiveBuilder;
import paperbake.model.ArxivId;
import paperbake.parse.ContentReader;
import paperbake.report.Diagnostic;

/** Topic membership is exactly Lucene's, over the search index's own fields and analyzer. */
class TopicsTest {

    static final Path TOPICS = Path.of("src/test/resources/topics");
    static Archive archive;
    static LuceneIndex index;
    /** The same archive with positions, where Lucene runs phrase queries itself: the reference. */
    static LuceneIndex withPositions;
    static Topics topics;

    static Archive fixture() {
        ArchiveBuilder b = new ArchiveBuilder();
        new ContentReader().read(Path.of("src/test/resources/archive")).digests().forEach(b::add);
        return b.build();
    }

    @BeforeAll
    static void build() {
        archive = fixture();
        index = LuceneIndex.build(archive);
        withPositions = LuceneIndex.build(archive, true);
        topics = Topics.of(new TopicsFile().read(TOPICS), TOPICS.resolve(TopicsFile.NAME), index);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
        withPositions.close();
    }

    @Test
    void everyTopicHasExactlyTheHitsOfIndexSearcherNewestFirst() throws Exception {
        assertThat(topics.topics()).extracting(Topic::slug).containsExactly("speech", "sentiment", "llm", "nothing-yet");
        for (Topic t : topics.topics()) {
            TopDocs hits = withPositions.searcher().search(Topics.parse(t.spec().query(), withPositions), index.papers().size());
            int[] docs = Arrays.stream(hits.scoreDocs).mapToInt(sd -> sd.doc).sorted().toArray();
            List<ArxivId> expected = new ArrayList<>();
            for (int d : docs) {
                expected.add(index.papers().get(d).id());
            }
            assertThat(t.members()).as(t.slug()).isEqualTo(expected);
        }
        assertThat(topics.topics().get(0).members()).as("speech").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void queriesSearchTheRightFieldsWithTheIndexAnalyzer() throws Exception {
        // title: covers both title fields and only them; plural "models" is stemmed as the index is
        assertThat(Topics.parse("title:\"language models\"", index).toString())
                .isEqualTo("te:\"language model\" tz:\"language model\"");
        // a Chinese word is the phrase of its bigrams, not any one of them
        assertThat(Topics.parse("检索增强", index).toString()).contains("te:\"检索 索增 增强\"").doesNotContain("te:增强 ");
        ScoreDoc[] phrase = withPositions.searcher().search(Topics.parse("title:\"speech recognition\"", withPositions), 100).scoreDocs;
        for (ScoreDoc sd : phrase) {
            assertThat(index.papers().get(sd.doc).titleEn().toLowerCase(java.util.Locale.ROOT)).contains("speech recognition");
        }
        assertThat(phrase).isNotEmpty();
    }

    @Test
    void badQueriesAndEmptyTopicsAreReportedAtTheirLinesAndTheRestBuilds() {
        List<String> messages = topics.diagnostics().stream().map(Diagnostic::toString).toList();
        String file = TOPICS.resolve(TopicsFile.NAME).toString();
        assertThat(messages).containsExactly(
                file + ":15: warning: topic \"nothing-yet\": the query matches no paper",
                messages.get(1),
                file + ":23: warning: duplicate slug \"speech\" (first used on line 2); this topic is left out");
        assertThat(messages.get(1)).startsWith(file + ":19: warning: topic \"broken\": the query is not valid Lucene syntax, topic left out: ");
        assertThat(topics.topics().get(3).members()).isEmpty();
    }

    @Test
    void anUnknownFieldIsAnInvalidQuery() {
        Topics t = Topics.of(new TopicsFile.Result(List.of(new TopicSpec("x", "", "X", "author:smith", "", 7)), List.of()),
                Path.of("topics.yml"), index);
        assertThat(t.topics()).isEmpty();
        assertThat(t.diagnostics()).singleElement().asString()
                .startsWith("topics.yml:7: warning: topic \"x\": the query is not valid Lucene syntax")
                .contains("unknown field \"author\"");
    }
}
