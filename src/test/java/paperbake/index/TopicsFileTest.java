package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import paperbake.report.Diagnostic;

class TopicsFileTest {

    static final Path FILE = Path.of("content", TopicsFile.NAME);

    static TopicsFile.Result parse(String yaml) {
        return new TopicsFile().parse(FILE, new StringReader(yaml));
    }

    static List<String> messages(TopicsFile.Result r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void readsEveryFieldAndTheLineOfEachTopic() {
        TopicsFile.Result r = parse("""
                # comment
                - slug: rag
                  zh: 检索增强生成
                  en: Retrieval-augmented generation
                  query: 'title:"retrieval augmented" OR rag OR 检索增强'
                  description: Papers that retrieve before they generate.
                - {slug: speech, zh: 语音, query: speech}
                """);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.topics()).containsExactly(
                new TopicSpec("rag", "检索增强生成", "Retrieval-augmented generation",
                        "title:\"retrieval augmented\" OR rag OR 检索增强", "Papers that retrieve before they generate.", 2),
                new TopicSpec("speech", "语音", "", "speech", "", 7));
    }

    @Test
    void aDuplicateSlugIsReportedAtItsLineNamingTheFirstAndTheRestIsKept() {
        TopicsFile.Result r = parse("""
                - {slug: a, en: A, query: x}
                - {slug: b, en: B, query: y}
                - {slug: a, en: A again, query: z}
                """);
        assertThat(r.topics()).extracting(TopicSpec::nameEn).containsExactly("A", "B");
        assertThat(messages(r)).containsExactly(
                "content/topics.yml:3: warning: duplicate slug \"a\" (first used on line 1); this topic is left out");
    }

    @Test
    void incompleteTopicsBadSlugsAndUnknownKeysAreReportedWithTheirLines() {
        TopicsFile.Result r = parse("""
                - slug: no-query
                  en: No query
                - slug: Not/A Slug
                  en: Bad
                  query: x
                - slug: ok
                  en: Fine
                  query: x
                  colour: red
                - just text
                - slug: listy
                  en: [a, b]
                  query: x
                """);
        assertThat(r.topics()).extracting(TopicSpec::slug).containsExactly("ok");
        assertThat(messages(r)).containsExactly(
                "content/topics.yml:1: warning: a topic needs a slug, a query and a name (zh or en); left out",
                "content/topics.yml:3: warning: slug \"Not/A Slug\" is not lower-case letters, digits and inner hyphens"
                        + " (it becomes a URL); topic left out",
                "content/topics.yml:9: warning: unknown key \"colour\" (a topic has slug, zh, en, query, description); ignored",
                "content/topics.yml:10: warning: a topic must be a mapping with slug, zh, en and query; left out",
                "content/topics.yml:12: warning: \"en\" must be text; topic left out");
    }

    @Test
    void invalidYamlIsOneWarningAtItsLine() {
        TopicsFile.Result r = parse("""
                - slug: a
                  en: A
                  query: x
                - slug: b
                   en: misindented
                """);
        assertThat(r.topics()).isEmpty();
        assertThat(r.diagnostics()).hasSize(1);
        assertThat(r.diagnostics().get(0).line()).isEqualTo(5);
        assertThat(r.diagnostics().get(0).message()).startsWith("not valid YAML, no topics read: ");
    }

    @Test
    void aMappingAtTheTopIsNotAList() {
        assertThat(messages(parse("slug: a\nquery: x\n"))).containsExactly(
                "content/topics.yml:1: warning: expected a list of topics (each starting with \"- slug: ...\"), no topics read");
    }

    @Test
    void noFileAndAnEmptyFileMeanNoTopics(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertThat(new TopicsFile().read(dir)).isEqualTo(TopicsFile.Result.NONE);
        java.nio.file.Files.writeString(dir.resolve(TopicsFile.NAME), "# nothing yet\n");
        assertThat(new TopicsFile().read(dir)).isEqualTo(TopicsFile.Result.NONE);
    }
}
