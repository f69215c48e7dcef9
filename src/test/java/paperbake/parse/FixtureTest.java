package paperbake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import paperbake.model.ArxivId;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.model.Entry;
import paperbake.report.Diagnostic;

/** Real excerpts of the corpus, one per format variation, with every field checked. */
class FixtureTest {

    private static final DigestParser PARSER = new DigestParser();

    static Path fixture(String name) {
        try {
            return Path.of(FixtureTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ParseResult parse(String name) {
        Path p = fixture(name);
        try {
            return PARSER.parse(p, p.getParent().getFileName().toString(), Files.readString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry only(ParseResult r) {
        assertThat(r.digest().entries()).hasSize(1);
        return r.digest().entries().get(0);
    }

    @Test
    void earliestLayoutWithoutTldrTakesTwoParagraphsAsAbstractsAndTheTableSummaryAsTldr() {
        ParseResult r = parse("cs.CL/2023-03-13.md");
        Digest d = r.digest();
        assertThat(d.id()).isEqualTo(new DigestId("cs.CL", "2023-03-13"));
        assertThat(d.date()).isEqualTo(LocalDate.of(2023, 3, 13));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(d.entries()).hasSize(2);
        Entry e = d.entries().get(0);
        assertThat(e.ref()).isEqualTo(new ArxivId.Ref(new ArxivId("2303.06135"), 1));
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.titleZh()).isEqualTo("用于百万用户真实世界互动的聊天机器人的奖励系统");
        assertThat(e.titleEn()).isEqualTo("Rewarding Chatbots for Real-World Engagement with Millions of Users");
        assertThat(e.tldrZh()).isEqualTo("本研究提出了一种奖励系统来训练优秀的聊天机器人，利用用户反馈数据去筛选输出来提高保留率，A/B测试表明该方法能提高68%的保留率。");
        assertThat(e.tldrEn()).isEmpty();
        assertThat(e.abstractZh()).startsWith("预训练的大型语言模型的出现导致了一系列的社交聊天机器人的部署");
        assertThat(e.abstractEn()).startsWith("The emergence of pretrained large language models has led to");
        assertThat(e.abstractEnTruncated()).isTrue();
        assertThat(e.announceType()).isEqualTo("new");
        assertThat(e.category()).isEqualTo("cs.CL");
        // Table summary fell back into the TL;DR; the second row's spaces inside the cell are collapsed.
        assertThat(d.entries().get(1).tldrZh()).startsWith("两个研究发现，大型语言模型可以用于建模接受有影响力信息后的心理变化。 这些研究");
    }

    @Test
    void earliestLayoutWithFourParagraphsFillsBothTldrs() {
        ParseResult r = parse("cs.IR/2023-03-14.md");
        Entry e = r.digest().entries().get(0);
        assertThat(e.titleEn()).isEqualTo("AutoMLP: Automated MLP for Sequential Recommendations");
        assertThat(e.tldrZh()).startsWith("AutoMLP是一种新颖的序列推荐系统").endsWith("实现更好的推荐效果。");
        assertThat(e.tldrEn()).isEqualTo("AutoMLP is a novel sequential recommender system that models users' long/short-term interests "
                + "through an automated and adaptive search algorithm, achieving better recommendation performance.");
        assertThat(e.abstractZh()).startsWith("序列推荐系统旨在根据用户的历史交互来预测他们下一个感兴趣的项目。");
        assertThat(e.abstractEn()).startsWith("Sequential recommender systems aim to predict users' next interested item");
        Entry updated = r.digest().entries().get(1);
        assertThat(updated.ref()).isEqualTo(new ArxivId.Ref(new ArxivId("2303.04426"), 2));
        assertThat(updated.announceType()).isEqualTo("replace");
        assertThat(updated.category()).isEqualTo("cs.CL");
        assertThat(updated.tldrEn()).startsWith("NASTyLinker is a NIL-aware entity linker");
    }

    @Test
    void unescapedPipeInSummaryCellIsRejoinedWithAWarning() {
        ParseResult r = parse("cs.CL/2023-06-01.md");
        Entry e = r.digest().entries().get(0);
        assertThat(e.ref().id().value()).isEqualTo("2305.19383");
        assertThat(e.category()).isEqualTo("quant-ph");
        assertThat(e.tldrZh()).contains("剑桥量子（Quantinuum）的$t|ket>$，在三种模拟");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).contains("[^37]", "4 cells", "'|'");
        });
        Entry q = only(parse("q-fin/2023-05-02.md"));
        assertThat(q.tldrZh()).isEqualTo("该论文研究了实数集上的概率测度对$(\\mu, \\nu)$的非降鞅耦合问题，提出了一些充分条件，"
                + "并证明了最大化$|y-x|^\\rho$积分值的非降性质得以保留，但存在不同的非降鞅耦合。");
        assertThat(q.titleEn()).isEqualTo("Non-decreasing martingale couplings");
        assertThat(q.category()).isEqualTo("math.PR");
        // TeX survives exactly as written, including the odd space in "$\nu $".
        assertThat(q.abstractZh()).contains("任何$\\mu$和$\\nu $之间");
        assertThat(q.abstractEn()).contains("$(\\mu,\\nu)$", "$|y-x|^\\rho$", "$\\rho\\in(0,2)$");
    }

    @Test
    void emptyChineseTitleTldrAndAbstractWithEmptySummaryCell() {
        Entry e = parse("cs.CL/2023-06-01.md").digest().entries().get(1);
        assertThat(e.ref()).isEqualTo(new ArxivId.Ref(new ArxivId("2305.19339"), 1));
        assertThat(e.titleZh()).isEmpty();
        assertThat(e.titleEn()).isEqualTo("Less Likely Brainstorming: Using Language Models to Generate Alternative Hypotheses");
        assertThat(e.tldrZh()).isEmpty();
        assertThat(e.abstractZh()).isEmpty();
        assertThat(e.abstractZhTruncated()).isFalse();
        assertThat(e.abstractEn()).startsWith("A human decision-maker benefits the most from an AI assistant");
        assertThat(e.category()).isEqualTo("cs.CL");
    }

    @Test
    void copiedArxivTailIsDroppedFromTheChineseTitle() {
        Entry e = parse("cs.CL/2023-06-01.md").digest().entries().get(2);
        assertThat(e.titleZh()).isEqualTo("繁殖机器翻译：进化方法来在自动化评估世界中生存和发展");
        assertThat(e.titleEn()).isEqualTo("Breeding Machine Translations: Evolutionary approach to survive and thrive in the world of automated evaluation");
        assertThat(e.ref().version()).isEqualTo(1);
    }

    @Test
    void bracketsInsideLinkText() {
        Entry re = only(parse("cs.IR/2024-02-29.md"));
        assertThat(re.titleEn()).isEqualTo("[RE] Modeling Personalized Item Frequency Information for Next-basket Recommendation");
        assertThat(re.titleZh()).isEqualTo("[RE] 对下一个购物篮推荐建模个性化商品频率信息");
        assertThat(re.tldrZh()).contains("$\\beta$-VAE");
        Entry old = only(parse("cs.CL/2023-10-24.md"));
        assertThat(old.titleEn()).isEqualTo("[RE]VER: Learning Natural Language Representations for Verbalizing Entities and Relations");
        assertThat(old.ref()).isEqualTo(new ArxivId.Ref(new ArxivId("2211.11093"), 2));
        assertThat(old.announceType()).isEqualTo("replace");
    }

    @Test
    void rssLinkWithoutAnnouncePrefix() {
        Entry e = only(parse("cs.IR/2024-02-05.md"));
        assertThat(e.ref()).isEqualTo(new ArxivId.Ref(new ArxivId("2402.01339"), 0));
        assertThat(e.titleEn()).isEqualTo("Improving Sequential Recommendations with LLMs");
        assertThat(e.announceType()).isEmpty();
        assertThat(e.category()).isEmpty();
        assertThat(e.abstractEn()).startsWith("The sequential recommendation problem has attracted");
    }

    @Test
    void englishAndTranslatedAnnouncePrefixesAreStripped() {
        Entry e = only(parse("cs.IR/2024-02-28.md"));
        assertThat(e.ref()).isEqualTo(new ArxivId.Ref(new ArxivId("2402.16875"), 1));
        assertThat(e.announceType()).isEqualTo("new");
        assertThat(e.abstractEn()).startsWith("Query performance prediction (QPP) aims to forecast");
        assertThat(e.abstractZh()).startsWith("查询性能预测（QPP）旨在预测搜索引擎");
        assertThat(e.titleEn()).isEqualTo("Can we predict QPP? An approach based on multivariate outliers");
    }

    @Test
    void updatedAndCrossListedTails() {
        var entries = parse("cs.IR/2023-06-09.md").digest().entries();
        Entry cross = entries.get(0);
        assertThat(cross.titleEn()).isEqualTo("Improving Conversational Recommendation Systems via Counterfactual Data Simulation");
        assertThat(cross.announceType()).isEqualTo("cross");
        assertThat(cross.category()).isEqualTo("cs.CL");
        assertThat(cross.ref()).isEqualTo(new ArxivId.Ref(new ArxivId("2306.02842"), 1));
        Entry updated = entries.get(1);
        assertThat(updated.titleEn()).isEqualTo("CTRL: Connect Tabular and Language Model for CTR Prediction");
        assertThat(updated.announceType()).isEqualTo("replace");
        assertThat(updated.ref()).isEqualTo(new ArxivId.Ref(new ArxivId("2306.02841"), 2));
    }

    @Test
    void truncatedChineseAbstracts() {
        Entry note = only(parse("cs.IR/2026-08-20.md"));
        assertThat(note.abstractZhTruncated()).isTrue();
        assertThat(note.abstractZh()).endsWith("该选择性框架……").doesNotContain("截断");
        assertThat(note.announceType()).isEqualTo("replace");
        assertThat(note.ref().version()).isEqualTo(3);
        Entry ellipsis = only(parse("cs.IR/2023-05-09.md"));
        assertThat(ellipsis.abstractZhTruncated()).isTrue();
        assertThat(ellipsis.abstractZh()).endsWith("如果……");
        assertThat(ellipsis.abstractEnTruncated()).isTrue();
    }

    @Test
    void angleBracketTextIsKeptAsText() {
        Entry e = only(parse("cs.CL/2024-01-31.md"));
        assertThat(e.abstractEn()).contains("factual knowledge <France, capital, Paris> is");
        assertThat(e.titleEn()).isEqualTo("Locating Factual Knowledge in Large Language Models: Exploring the Residual Stream and Analyzing Subvalues in Vocabulary Space");
    }

    @Test
    void undatedSeedsArePublishedUnderASlugOfTheFileName() {
        ParseResult old = parse("seeds/000_29eef68d84019a57.md");
        assertThat(old.digest().date()).isNull();
        assertThat(old.digest().id().name()).isEqualTo("000_29eef68d84019a57");
        assertThat(old.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.file().toString()).endsWith("000_29eef68d84019a57.md");
            assertThat(d.message()).contains("no valid date");
        });
        assertThat(old.entriesRead()).isEqualTo(17);
        assertThat(old.digest().entries()).hasSize(17);
        Entry first = old.digest().entries().get(0);
        assertThat(first.titleEn()).isEqualTo("Unified Segment-to-Segment Framework for Simultaneous Sequence Generation");
        assertThat(first.titleZh()).isEqualTo("统一的片段到片段框架用于同时序列生成");
        assertThat(first.ref()).isEqualTo(new ArxivId.Ref(new ArxivId("2310.17940"), 1));
        assertThat(first.abstractZh()).startsWith("同时序列生成是实时场景的关键任务");

        ParseResult fresh = parse("seeds/004_865d27f42ab9e601.md");
        assertThat(fresh.digest().entries()).hasSize(8);
        Entry e = fresh.digest().entries().get(0);
        assertThat(e.titleEn()).isEqualTo("Don't Half-listen: Capturing Key-part Information in Continual Instruction Tuning");
        assertThat(e.announceType()).isEqualTo("cross");
        assertThat(e.ref()).isEqualTo(new ArxivId.Ref(new ArxivId("2403.10056"), 1));
        assertThat(e.abstractZh()).startsWith("大型语言模型（LLMs）的指导调整可以驱使它们");
        assertThat(e.abstractEn()).startsWith("Instruction tuning for large language models (LLMs) can drive them");
        assertThat(e.tldrZh()).startsWith("提出了一种基于关键部分信息增益的新型连续指导调整方法");
    }
}
