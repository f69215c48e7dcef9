package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import paperbake.model.Archive;
import paperbake.model.ArxivId;
import paperbake.model.Paper;

class RelatedTest {

    @Test
    void relatedPapersAreDeterministicAtMostFiveDistinctAndNeverThePaperItself() throws Exception {
        Archive archive = TopicsTest.fixture();
        Related one;
        Related again;
        try (LuceneIndex a = LuceneIndex.build(archive, 1); LuceneIndex b = LuceneIndex.build(archive, 3)) {
            one = Related.of(a);
            again = Related.of(b);
            assertThat(Related.of(a)).isEqualTo(one);
        }
        assertThat(again).as("whatever the slices and threads").isEqualTo(one);
        assertThat(one.byPaper()).hasSizeGreaterThan(archive.papers().size() / 2);
        for (Paper p : archive.papers().values()) {
            List<ArxivId> related = one.of(p.id());
            assertThat(related).hasSizeLessThanOrEqualTo(Related.LIMIT).doesNotContain(p.id());
            assertThat(new HashSet<>(related)).hasSameSizeAs(related);
            related.forEach(id -> assertThat(archive.papers()).containsKey(id));
        }
    }
}
