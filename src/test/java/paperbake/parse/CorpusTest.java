package paperbake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paperbake.model.Entry;
import paperbake.report.Diagnostic;
import paperbake.testing.SharedCorpus;

/**
 * Reads each category of the real corpus and checks the counts its README states. Skipped when
 * the shared folder is absent (system property {@code paperbake.shared}), except under CI.
 */
class CorpusTest {

    private static Path corpus() {
        return SharedCorpus.cnChatArxiv();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cs.CL, 749, 26256, 15756",
        "cs.IR, 543, 4389, 2917",
        "econ, 747, 5255, 2891",
        "q-fin, 646, 4312, 2687",
        "cs.SE, 13, 269, 256",
    })
    void categoryMatchesTheReadme(String category, int digests, int entries, int unique) {
        ReadResult r = new ContentReader(new DigestParser(), 2).read(corpus().resolve(category));

        assertThat(r.digests()).hasSize(digests);
        assertThat(r.entriesRead()).isEqualTo(entries);
        assertThat(r.entriesRead()).isEqualTo(r.entriesWithId() + r.skippedCount());
        assertThat(r.digests().stream().flatMap(d -> d.entries().stream()).map(Entry::id).distinct().count())
                .isEqualTo(unique);
        assertThat(r.diagnostics()).noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        // Leftovers of the title tail or an announce prefix would be parse bugs; list a few if any.
        List<String> leftovers = r.digests().stream()
                .flatMap(d -> d.entries().stream().map(e -> d.source().getFileName() + ":" + e.line() + " " + e.id()
                        + (e.titleEn().isEmpty() ? " empty English title" : "")
                        + (e.titleEn().contains("(arXiv:") ? " title tail left" : "")
                        + (e.abstractEn().startsWith("arXiv:") ? " English prefix left" : "")
                        + (e.abstractZh().startsWith("arXiv") ? " Chinese prefix left" : "")))
                .filter(s -> s.contains(" left") || s.contains(" empty"))
                .limit(10)
                .toList();
        assertThat(leftovers).isEmpty();
    }
}
