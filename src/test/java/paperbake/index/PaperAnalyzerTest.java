package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaperAnalyzerTest {

    final PaperAnalyzer analyzer = new PaperAnalyzer();

    @Test
    void chineseBecomesBigramsAndEnglishIsStemmedAndStopped() {
        assertThat(analyzer.terms("大语言模型 for LLMs")).containsExactly("大语", "语言", "言模", "模型", "llm");
        assertThat(analyzer.terms("幻")).containsExactly("幻");
        assertThat(analyzer.terms("The queries of studies")).containsExactly("query", "study");
    }

    @Test
    void fullWidthAndMixedScriptsMeetTheirPlainForms() {
        assertThat(analyzer.terms("ＬＬＭ幻觉，ＧＰＴ－４")).containsExactly("llm", "幻觉", "gpt", "4");
        assertThat(analyzer.terms("state-of-the-art ﬁne-tuning")).containsExactly("state", "art", "fine", "tuning");
    }

    @Test
    void texAndOverlongTokensDoNotPolluteTheIndex() {
        assertThat(analyzer.terms("$\\mathcal{O}(n^2)$")).containsExactly("mathcal", "o", "n", "2");
        assertThat(analyzer.terms("x".repeat(49) + " ok")).containsExactly("ok");
    }
}
