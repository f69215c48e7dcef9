package paperbake.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveBuilderTest {

    private static Entry entry(String id, int version, String titleZh, String titleEn, String abstractEn, boolean cut) {
        return new Entry(new ArxivId.Ref(new ArxivId(id), version), 10, titleZh, titleEn, "要点", "", "摘要", abstractEn,
                false, cut, "new", "");
    }

    private static Digest digest(String channel, String date, Entry... entries) {
        return new Digest(new DigestId(channel, date), Path.of(channel, date + ".md"), LocalDate.parse(date), "",
                List.of(entries), List.of());
    }

    @Test
    void onePaperPerIdWithEveryAppearanceNewestFirst() {
        Archive archive = new ArchiveBuilder()
                .add(digest("cs.CL", "2024-03-07", entry("2403.01234", 1, "标题", "Title", "Abstract.", false)))
                .add(digest("cs.IR", "2024-03-08", entry("2403.01234", 2, "", "Title", "Abstract.", false),
                        entry("2403.09999", 0, "另一篇", "Other", "Other abstract.", false)))
                .add(digest("cs.CL", "2024-03-09", entry("2403.01234", 0, "标题", "Title", "Abstract.", false)))
                .build();

        assertThat(archive.papers()).hasSize(2);
        assertThat(archive.entryCount()).isEqualTo(4);
        Paper paper = archive.papers().get(new ArxivId("2403.01234"));
        assertThat(paper.appearances()).extracting(a -> a.digest().channel() + "/" + a.date())
                .containsExactly("cs.CL/2024-03-09", "cs.IR/2024-03-08", "cs.CL/2024-03-07");
        assertThat(paper.version()).isEqualTo(2);
        assertThat(archive.channels()).containsExactly("cs.CL", "cs.IR");
        assertThat(archive.digests()).extracting(d -> d.date().toString())
                .containsExactly("2024-03-09", "2024-03-08", "2024-03-07");
    }

    @Test
    void eachFieldTakesTheMostCompleteText() {
        String full = "A complete abstract that ends properly.";
        String cut = "A complete abstract that ends properly and then a much longer text that was cut mid-wo";
        Archive archive = new ArchiveBuilder()
                .add(digest("a", "2024-01-02", entry("2401.00001", 1, "", "Newer title", cut, true)))
                .add(digest("a", "2024-01-01", entry("2401.00001", 1, "中文标题", "Older title", full, false)))
                .build();

        Paper paper = archive.papers().get(new ArxivId("2401.00001"));
        assertThat(paper.titleZh()).as("an empty title never wins").isEqualTo("中文标题");
        assertThat(paper.abstractEn()).as("complete beats truncated, even when shorter").isEqualTo(full);
        assertThat(paper.abstractEnTruncated()).isFalse();
        assertThat(paper.titleEn()).as("between equally long texts the newest listing wins").isEqualTo("Newer title");
    }

    @Test
    void listingsWithDifferentTitlesAreReportedAndEveryFieldNamesItsListing() {
        ArchiveBuilder builder = new ArchiveBuilder()
                .add(digest("a", "2024-01-01", entry("2401.00001", 1, "中文标题", "A Title", "Abstract.", false)))
                .add(digest("b", "2024-01-02", entry("2401.00001", 2, "", "A  title", "Longer abstract text.", false)))
                .add(digest("c", "2024-01-03", entry("2401.00001", 3, "", "A Retitled Paper", "", false)));
        Paper paper = builder.build().papers().get(new ArxivId("2401.00001"));

        assertThat(paper.titleEn()).isEqualTo("A Retitled Paper");
        assertThat(builder.diagnostics()).as("case and spacing alone are no difference")
                .extracting(d -> d.file() + ":" + d.line())
                .containsExactly(Path.of("b", "2024-01-02.md") + ":10", Path.of("a", "2024-01-01.md") + ":10");
        assertThat(builder.diagnostics().get(0).message())
                .contains("arXiv:2401.00001", "'A  title'", Path.of("c", "2024-01-03.md") + ":10 as 'A Retitled Paper'");
        assertThat(paper.sources()).extracting(f -> f.field() + " " + f.digest().channel()).containsExactly(
                "titleZh a", "titleEn c", "tldrZh c", "abstractZh c", "abstractEn b");
    }

    @Test
    void undatedDigestsComeAfterDatedOnes() {
        Digest undated = new Digest(new DigestId("", "seed"), Path.of("seed.md"), null, "", List.of(), List.of());
        Archive archive = new ArchiveBuilder().add(undated).add(digest("x", "2020-01-01")).build();
        assertThat(archive.digests()).extracting(d -> d.id().name()).containsExactly("2020-01-01", "seed");
    }
}
