package paperbake.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import paperbake.index.PaperAnalyzer;
import paperbake.model.Paper;
import paperbake.testing.Chromium;

/**
 * Test vectors from the Lucene analyzer, reproduced by the browser's analyzer: several hundred
 * strings from the corpus in both languages plus hand-picked hard cases.
 */
class SearchAnalyzerVectorsTest {

    static ChromeDriver browser;
    static SharedSite site;

    @BeforeAll
    static void start() {
        site = SharedSite.get();
        browser = Chromium.start();
        browser.get(site.url("/search/"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    static List<String> vectorInputs() {
        List<String> in = new ArrayList<>(List.of(
                "", " ", "LLM 幻觉", "LLMs' hallucination", "ＬＬＭ　幻觉，ＧＰＴ－４ｏ", "state-of-the-art",
                "fine-tuning ﬁne-tuning", "$\\mathcal{O}(n^2)$ and H\\\"older \\citep{smith2020}", "{\\em emphasis}",
                "``quoted'' text", "x_1 * y^2 = z_{ij}", "<France, capital, Paris>", "<https://arxiv.org/abs/2401.00001>",
                "见https://github.com/x/y。", "zero\u200Bwidth", "nbsp\u00A0tab\tend", "Ⅻ ① ② ⑴ ½ ² km²",
                "naïve café coöperate", "İstanbul ΣΑΣ straße ǅ", "日本語のテキストとカタカナ", "한국어 텍스트", "😀 emoji 🚀test",
                "𠮷野家 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "豈 更 車", "analysis analyses queries studies does bias corpus species",
                "the THE The is was this these those", "GPT-3.5-turbo v1.2.3 3D 2024年", "a" .repeat(60) + " ok",
                "中文,English;混合：测试！", "（摘要原文截断）……", "模型" + "非常".repeat(30), "e\u0301cole combining",
                "ＡＢＣ１２３", "\uFF08full-width parens\uFF09", "l'homme don't it's", "R&D A/B x.y", "ℌ ℍ ℕ ™ ©"));
        int i = 0;
        for (Paper p : site.archive.papers().values()) {
            if (i++ % 11 != 0) {
                continue;
            }
            in.add(p.titleEn());
            in.add(p.titleZh());
            in.add(p.tldrZh());
            String abs = p.abstractEn();
            in.add(abs.substring(0, Math.min(400, abs.length())));
            String zh = p.abstractZh();
            in.add(zh.substring(0, Math.min(200, zh.length())));
        }
        return in;
    }

    @Test
    void browserAnalyzerReproducesLuceneOnCorpusStrings() throws Exception {
        List<String> inputs = vectorInputs();
        assertThat(inputs.size()).isGreaterThan(300);
        PaperAnalyzer analyzer = new PaperAnalyzer();
        List<List<String>> expected = inputs.stream().map(analyzer::terms).toList();
        Object got = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/js/search-analyzer.js').then(m => done(arguments[0].map(s => m.analyze(s))))"
                        + ".catch(e => done('ERROR ' + e));", inputs);
        assertThat(got).isInstanceOf(List.class);
        // Keep the vectors as an artifact: they document the analyzer by example.
        Path out = Path.of("target/analyzer-vectors.tsv");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            sb.append(inputs.get(i).replace('\t', ' ').replace('\n', ' ')).append('\t')
                    .append(String.join(" ", expected.get(i))).append('\n');
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb, StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        List<List<String>> actual = (List<List<String>>) got;
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(actual.get(i)).as("terms of %s", inputs.get(i)).isEqualTo(expected.get(i));
        }
    }
}
