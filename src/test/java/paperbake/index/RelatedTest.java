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

    @Test
    void theFloorAndTheLimitOnlyCutTheTailOfTheSameRanking() throws Exception {
        Archive archive = TopicsTest.fixture();
        try (LuceneIndex index = LuceneIndex.build(archive)) {
            Related all = Related.of(index, Related.LIMIT, 0f);
            Related floored = Related.of(index);
            Related two = Related.of(index, 2, 0f);
            int cut = 0;
            for (Paper p : archive.papers().values()) {
                List<ArxivId> full = all.of(p.id());
                List<ArxivId> kept = floored.of(p.id());
                assertThat(kept).isEqualTo(full.subList(0, Math.min(kept.size(), full.size())));
                assertThat(two.of(p.id())).isEqualTo(full.subList(0, Math.min(2, full.size())));
                cut += full.size() - kept.size();
            }
            assertThat(cut).as("the floor drops weak relations somewhere in the fixture").isPositive();
            assertThat(Related.of(index, 0, 0f)).isEqualTo(Related.NONE);
        }
    }
}
