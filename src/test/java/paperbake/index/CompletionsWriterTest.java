package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionsWriterTest {

    static TermScores.DictionaryTerm term(String t, int df) {
        return new TermScores.DictionaryTerm(t, df);
    }

    @Test
    void prefixesSpanningManyShardsGetTheirMostFrequentCompletions(@TempDir Path dir) throws IOException {
        List<TermScores.DictionaryTerm> terms = new ArrayList<>();
        // "re" spans five shards (boundaries below), "rea" one; "ro" two.
        for (String t : List.of("rea", "reach", "read", "real", "reason", "rec", "recall", "red", "reduce", "ref",
                "refine", "reg", "rel", "relation", "rob", "robust", "role")) {
            terms.add(term(t, t.length() * 3 % 7 + 1));
        }
        List<String> shardFirst = List.of("", "rec", "red", "reg", "rel", "ro");
        new CompletionsWriter(new IndexFiles(paperbake.write.PageSink.folder(dir))).write(terms, shardFirst);
        String json = Files.readString(dir.resolve("search/p/" + ('r' % 16) + ".json"));
        List<String> expected = terms.stream().filter(t -> t.term().startsWith("re") && !t.term().equals("re"))
                .sorted((a, b) -> a.df() != b.df() ? b.df() - a.df() : a.term().compareTo(b.term()))
                .limit(6).map(TermScores.DictionaryTerm::term).toList();
        assertThat(json).startsWith("{\"r\":[").contains("\"re\":[\"" + String.join("\",\"", expected) + "\"]");
        assertThat(json).as("prefixes within three shards are left to the shards").doesNotContain("\"ro\"", "\"rea\"");
    }
}
