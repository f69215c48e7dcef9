package paperbake.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import paperbake.index.PaperAnalyzer;
import paperbake.index.QueryPlan;
import paperbake.model.Paper;
import paperbake.testing.Chromium;

/**
 * The browser's top 10 equals Lucene's IndexSearcher top 10 — same papers, same order, same
 * float scores — for English, Chinese and mixed queries of one to four terms, with and without
 * completion of the last word, with typos the fallback corrects, and with filters; and its
 * newest-first list is every one of Lucene's matches with the most word groups, in doc order.
 */
class SearchParityTest {

    static ChromeDriver browser;
    static SharedSite site;
    static ReferenceSearch lucene;

    @BeforeAll
    static void start() {
        site = SharedSite.get();
        lucene = site.reference();
        browser = Chromium.start();
        browser.get(site.url("/search/"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    record Q(String text, boolean prefix, String channel, String from, String to, String sort) {
        Q(String text) {
            this(text, false, "", "", "");
        }

        Q(String text, boolean prefix, String channel, String from, String to) {
            this(text, prefix, channel, from, to, "relevance");
        }

        Map<String, Object> js() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", text);
            m.put("prefix", prefix);
            m.put("channel", channel);
            m.put("from", from);
            m.put("to", to);
            m.put("sort", sort);
            return m;
        }
    }

    /** English, Chinese and mixed queries of one to three terms drawn from real titles. */
    static List<Q> queries(List<Paper> papers) {
        Random r = new Random(20261121);
        PaperAnalyzer an = new PaperAnalyzer();
        List<Q> out = new ArrayList<>();
        for (String s : List.of("large language model", "大语言模型", "LLM 幻觉", "retrieval augmented generation",
                "recommendation", "推荐系统", "machine translation 机器翻译", "transformer", "benchmark 评估",
                "knowledge graph", "情感分析", "BERT", "question answering 问答", "zebrafish", "量子斑马")) {
            out.add(new Q(s));
        }
        while (out.size() < 60) {
            Paper p = papers.get(r.nextInt(papers.size()));
            List<String> words = new ArrayList<>();
            for (String w : p.titleEn().split("[^A-Za-z0-9-]+")) {
                if (w.length() >= 3 && !an.terms(w).isEmpty()) {
                    words.add(w);
                }
            }
            if (words.isEmpty()) {
                continue;
            }
            int n = 1 + r.nextInt(Math.min(3, words.size()));
            int start = r.nextInt(words.size() - n + 1);
            out.add(new Q(String.join(" ", words.subList(start, start + n))));
        }
        while (out.size() < 100) {
            Paper p = papers.get(r.nextInt(papers.size()));
            String zh = chinese(p.titleZh(), r);
            if (zh == null) {
                continue;
            }
            out.add(new Q(r.nextBoolean() ? zh : zh + " " + chinese(p.tldrZh(), r)));
        }
        while (out.size() < 130) {
            Paper p = papers.get(r.nextInt(papers.size()));
            String zh = chinese(p.titleZh(), r);
            String[] en = p.titleEn().split("[^A-Za-z0-9]+");
            String w = en[r.nextInt(en.length)];
            if (zh == null || w.length() < 3) {
                continue;
            }
            out.add(new Q(r.nextBoolean() ? w + " " + zh : zh + w));
        }
        return out;
    }

    /** 2-4 consecutive Han characters of {@code s}, or null. */
    static String chinese(String s, Random r) {
        if (s == null) {
            return null;
        }
        List<String> runs = new ArrayList<>();
        for (String run : s.split("[^\\p{IsHan}]+")) {
            if (run.length() >= 2) {
                runs.add(run);
            }
        }
        if (runs.isEmpty()) {
            return null;
        }
        String run = runs.get(r.nextInt(runs.size()));
        int len = Math.min(run.length(), 2 + r.nextInt(3));
        int start = r.nextInt(run.length() - len + 1);
        return run.substring(start, start + len);
    }

    List<List<ReferenceSearch.Hit>> browserSearch(List<Q> qs) {
        Object got = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const qs = arguments[0];"
                        + "import('/js/search-engine.js').then(async m => {"
                        + "  const e = new m.SearchEngine('/search/'); const out = [];"
                        + "  for (const q of qs) { const r = await e.search(q.text, {prefix: q.prefix,"
                        + "      channel: q.channel, from: q.from, to: q.to, sort: q.sort, k: q.sort === 'newest' ? 1e9 : 10});"
                        + "    out.push(r.hits.map(h => [h.doc, h.score, h.max])); }"
                        + "  done(out); }).catch(e => done('ERROR ' + e + ' ' + e.stack));",
                qs.stream().map(Q::js).toList());
        assertThat(got).as("browser result").isInstanceOf(List.class);
        List<List<ReferenceSearch.Hit>> out = new ArrayList<>();
        for (Object q : (List<?>) got) {
            List<ReferenceSearch.Hit> hits = new ArrayList<>();
            for (Object h : (List<?>) q) {
                List<?> pair = (List<?>) h;
                hits.add(new ReferenceSearch.Hit(((Number) pair.get(0)).intValue(), ((Number) pair.get(1)).floatValue(),
                        ((Number) pair.get(2)).floatValue()));
            }
            out.add(hits);
        }
        return out;
    }

    /**
     * Equal rank by rank. The browser stops reading postings once the order is certain, so a
     * score it reports may be a lower bound with a known maximum: then Lucene's score must lie
     * in that interval; otherwise the scores must be equal as floats. The paper must be the same
     * at every rank, ties included: Lucene breaks them by doc order (newest first), and so must
     * the browser.
     */
    static void assertParity(Q q, List<ReferenceSearch.Hit> browserHits, List<ReferenceSearch.Hit> luceneTop) {
        List<ReferenceSearch.Hit> expected = luceneTop.subList(0, Math.min(10, luceneTop.size()));
        assertThat(browserHits).as("hit count for %s", q).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            ReferenceSearch.Hit b = browserHits.get(i);
            ReferenceSearch.Hit l = expected.get(i);
            if (b.score() == b.max()) {
                assertThat(b.score()).as("score at rank %d for %s", i + 1, q).isEqualTo(l.score());
            } else {
                assertThat(l.score()).as("score at rank %d for %s", i + 1, q).isBetween(b.score(), b.max());
            }
            assertThat(b.doc()).as("paper at rank %d for %s (ties rank by doc order, newest first)", i + 1, q)
                    .isEqualTo(l.doc());
        }
    }

    @Test
    void topTenEqualsLuceneForEnglishChineseAndMixedQueries() {
        List<Q> qs = queries(site.lucene.papers());
        assertThat(qs).hasSizeGreaterThanOrEqualTo(100);
        List<List<ReferenceSearch.Hit>> got = browserSearch(qs);
        int nonEmpty = 0;
        for (int i = 0; i < qs.size(); i++) {
            List<ReferenceSearch.Hit> ref = lucene.search(lucene.plan(qs.get(i).text(), false), 50, null);
            assertParity(qs.get(i), got.get(i), ref);
            nonEmpty += ref.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(100);
    }

    @Test
    void completionOfTheLastWordMatchesLuceneWithTheSameExpansion() {
        List<Q> qs = new ArrayList<>();
        for (String s : List.of("hallu", "recomm", "LLM 幻", "transla", "大语言模", "know", "retrieval aug", "情", "model",
                "zebr", "sentiment anal", "推")) {
            qs.add(new Q(s, true, "", "", ""));
        }
        List<List<ReferenceSearch.Hit>> got = browserSearch(qs);
        for (int i = 0; i < qs.size(); i++) {
            assertParity(qs.get(i), got.get(i), lucene.search(lucene.plan(qs.get(i).text(), true), 50, null));
        }
        assertThat(lucene.plan("hallu", true).terms()).hasSizeGreaterThan(1);
    }

    @Test
    void filteredTopTenEqualsLuceneTopTenRestrictedToTheFilter() {
        List<Paper> papers = site.lucene.papers();
        LocalDate mid = papers.get(papers.size() / 3).latest().date();
        String from = mid.minusDays(10).toString();
        String to = mid.toString();
        List<Q> qs = List.of(
                new Q("recommendation", false, "cs.IR", "", ""),
                new Q("language model", false, "cs.CL", "", ""),
                new Q("推荐 检索", false, "cs.IR", "", ""),
                new Q("language model", false, "", from, to),
                new Q("模型", false, "", from, ""),
                new Q("translation", false, "", "", to),
                new Q("retrieval", false, "cs.IR", from, to),
                new Q("zebrafish", false, "cs.CL", "", ""),
                new Q("graph", false, "nonexistent", "", ""));
        List<List<ReferenceSearch.Hit>> got = browserSearch(qs);
        for (int i = 0; i < qs.size(); i++) {
            Q q = qs.get(i);
            IntPredicate accept = d -> {
                Paper p = papers.get(d);
                LocalDate latest = p.latest().date();
                boolean channelOk = q.channel().isEmpty()
                        || p.appearances().stream().anyMatch(a -> a.digest().channel().equals(q.channel()));
                boolean dateOk = (q.from().isEmpty() && q.to().isEmpty()) || (latest != null
                        && (q.from().isEmpty() || !latest.isBefore(LocalDate.parse(q.from())))
                        && (q.to().isEmpty() || !latest.isAfter(LocalDate.parse(q.to()))));
                return channelOk && dateOk;
            };
            List<ReferenceSearch.Hit> ref = lucene.search(lucene.plan(q.text(), false), 50, accept);
            assertParity(q, got.get(i), ref);
        }
    }

    /** A word of {@code text} with one edit (delete, insert, substitute or swap), or null. */
    static String typo(String word, Random r) {
        if (word.length() < 5) {
            return null;
        }
        int at = r.nextInt(word.length() - 1);
        char c = (char) ('a' + r.nextInt(26));
        return switch (r.nextInt(4)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1);
            case 1 -> word.substring(0, at) + c + word.substring(at);
            case 2 -> word.substring(0, at) + (c == word.charAt(at) ? (char) ('a' + (c - 'a' + 1) % 26) : c) + word.substring(at + 1);
            default -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
        };
    }

    static List<String> words(String text, int minLength) {
        List<String> out = new ArrayList<>();
        for (String w : (text == null ? "" : text).split("[^A-Za-z]+")) {
            if (w.length() >= minLength) {
                out.add(w.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * The new query kinds: three or four words of an abstract (all-words-first ranking matters
     * most there), a title's first word and half of the next as typed, a title word with one
     * typo (alone, typed, and beside a correct word).
     */
    static List<Q> newKinds(List<Paper> papers) {
        Random r = new Random(20261201);
        List<Q> out = new ArrayList<>();
        while (out.size() < 25) {
            List<String> w = words(papers.get(r.nextInt(papers.size())).abstractEn(), 6);
            if (w.size() < 6) {
                continue;
            }
            java.util.Collections.shuffle(w, r);
            out.add(new Q(String.join(" ", w.subList(0, 3 + r.nextInt(2)))));
        }
        while (out.size() < 50) {
            List<String> w = words(papers.get(r.nextInt(papers.size())).titleEn(), 3);
            if (w.size() < 2 || w.get(1).length() < 4) {
                continue;
            }
            out.add(new Q(w.get(0) + " " + w.get(1).substring(0, (w.get(1).length() + 1) / 2), true, "", "", ""));
        }
        while (out.size() < 80) {
            List<String> w = words(papers.get(r.nextInt(papers.size())).titleEn(), 5);
            if (w.size() < 2) {
                continue;
            }
            String t = typo(w.get(r.nextInt(w.size())), r);
            int kind = out.size() % 3;
            out.add(kind == 0 ? new Q(t) : kind == 1 ? new Q(t, true, "", "", "")
                    : new Q(w.get(0) + " " + t + " " + w.get(w.size() - 1)));
        }
        return out;
    }

    @Test
    void abstractWordsTypingAndTyposMatchLucene() {
        List<Q> qs = newKinds(site.lucene.papers());
        List<List<ReferenceSearch.Hit>> got = browserSearch(qs);
        int typoGroups = 0;
        int partial = 0;
        for (int i = 0; i < qs.size(); i++) {
            QueryPlan plan = lucene.plan(qs.get(i).text(), qs.get(i).prefix());
            assertParity(qs.get(i), got.get(i), lucene.search(plan, 50, null));
            typoGroups += plan.groups().stream().anyMatch(g -> g.kind().equals("typo")) ? 1 : 0;
            if (plan.groups().size() > 1) {
                // all-words-first: a paper matching every group outranks any that does not
                float all = plan.bonus() * plan.groups().size();
                List<ReferenceSearch.Hit> ref = lucene.search(plan, 10, null);
                boolean seenPartial = false;
                for (ReferenceSearch.Hit h : ref) {
                    seenPartial |= h.score() < all;
                    assertThat(seenPartial && h.score() >= all).as("order of %s", qs.get(i)).isFalse();
                }
                partial += seenPartial ? 1 : 0;
            }
        }
        // the kinds really exercise the new rules
        assertThat(typoGroups).as("queries corrected by the fallback").isGreaterThanOrEqualTo(15);
        assertThat(partial).as("queries whose top 10 mixes full and partial matches").isGreaterThan(0);
        assertThat(lucene.plan("model", true).terms()).as("a word that is a term still completes").hasSizeGreaterThan(1);
    }

    /**
     * Two-word topics as typed (the last word completed): hand-picked ones and adjacent words of
     * real titles. The last word counts for its group by itself when it dominates its completions
     * ({@code QueryPlan.wordDominates}), which must change nothing in parity.
     */
    @Test
    void aLastWordThatDominatesItsCompletionsCountsAloneAndStillMatchesLucene() {
        List<Q> qs = new ArrayList<>();
        for (String s : List.of("machine translation", "language model", "knowledge base", "text generation",
                "question answering", "graph neural network", "large language", "cold start", "speech recognition",
                "sentiment analysis", "dialogue system", "information retrieval", "user", "data")) {
            qs.add(new Q(s, true, "", "", ""));
        }
        Random r = new Random(20261202);
        List<Paper> papers = site.lucene.papers();
        while (qs.size() < 40) {
            List<String> w = words(papers.get(r.nextInt(papers.size())).titleEn(), 4);
            if (w.size() >= 2) {
                int at = r.nextInt(w.size() - 1);
                qs.add(new Q(w.get(at) + " " + w.get(at + 1), true, "", "", ""));
            }
        }
        List<List<ReferenceSearch.Hit>> got = browserSearch(qs);
        int alone = 0;
        int completed = 0;
        for (int i = 0; i < qs.size(); i++) {
            QueryPlan plan = lucene.plan(qs.get(i).text(), true);
            assertParity(qs.get(i), got.get(i), lucene.search(plan, 50, null));
            QueryPlan.Group last = plan.groups().get(plan.groups().size() - 1);
            if (last.kind().equals("prefix") && last.terms().equals(List.of(last.word()))
                    && plan.terms().stream().anyMatch(t -> !t.equals(last.word()) && t.startsWith(last.word()))) {
                alone++; // completions still scored, but not counted for the group
            } else if (last.kind().equals("prefix") && last.terms().size() > 1) {
                completed++;
            }
        }
        assertThat(alone).as("queries whose last word counts alone beside scored completions").isGreaterThanOrEqualTo(10);
        assertThat(completed).as("queries whose completions count for the last word").isGreaterThan(0);
    }

    /**
     * With {@code prefetch} the engine starts loading result data while deeper postings load,
     * but only of papers certain to be in the top 10: every result file it fetched holds one of
     * the final hits, and the hits are Lucene's. With {@code onPrefix} it names the first papers
     * before the rest are certain: every such list is the start of the final (Lucene's) order.
     */
    @Test
    void prefetchedResultDataIsOnlyThatOfTheFinalTopTen() {
        List<Q> qs = new ArrayList<>(queries(site.lucene.papers()).subList(0, 60));
        qs.addAll(newKinds(site.lucene.papers()).subList(0, 50));
        Object got = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const qs = arguments[0];"
                        + "import('/js/search-engine.js').then(async m => { const out = [];"
                        + "  for (const q of qs) { const e = new m.SearchEngine('/search/');"
                        + "    const early = [];"
                        + "    const r = await e.search(q.text, {prefix: q.prefix, prefetch: true, k: 10,"
                        + "      onPrefix: (hits) => early.push(hits.map(h => h.doc))});"
                        + "    const files = [...e.loader.cache.keys()].filter(f => f.startsWith('r/'));"
                        + "    out.push({hits: r.hits.map(h => [h.doc, h.score, h.max]),"
                        + "      stray: files.filter(f => !r.hits.some(h => f === 'r/' + e.place(h.doc)[0] + '.json')),"
                        + "      files: files.length, early}); }"
                        + "  done(out); }).catch(e => done('ERROR ' + e + ' ' + e.stack));",
                qs.stream().map(Q::js).toList());
        assertThat(got).as("browser result").isInstanceOf(List.class);
        int prefetched = 0;
        int early = 0;
        for (int i = 0; i < qs.size(); i++) {
            Map<?, ?> r = (Map<?, ?>) ((List<?>) got).get(i);
            List<ReferenceSearch.Hit> hits = new ArrayList<>();
            for (Object h : (List<?>) r.get("hits")) {
                List<?> x = (List<?>) h;
                hits.add(new ReferenceSearch.Hit(((Number) x.get(0)).intValue(), ((Number) x.get(1)).floatValue(),
                        ((Number) x.get(2)).floatValue()));
            }
            assertParity(qs.get(i), hits, lucene.search(lucene.plan(qs.get(i).text(), qs.get(i).prefix()), 50, null));
            assertThat((List<?>) r.get("stray")).as("result files fetched beyond the hits of %s", qs.get(i)).isEmpty();
            prefetched += ((Number) r.get("files")).intValue() > 0 ? 1 : 0;
            List<Integer> order = hits.stream().map(ReferenceSearch.Hit::doc).toList();
            int longest = 0;
            for (Object prefix : (List<?>) r.get("early")) {
                List<Integer> docs = ((List<?>) prefix).stream().map(d -> ((Number) d).intValue()).toList();
                assertThat(docs).as("an early prefix of %s", qs.get(i)).isNotEmpty().hasSizeGreaterThan(longest);
                assertThat(order).as("the final order of %s, against an early prefix", qs.get(i)).startsWith(docs.toArray(Integer[]::new));
                longest = docs.size();
            }
            early += longest > 0 ? 1 : 0;
        }
        assertThat(early).as("queries that named their first papers before their top 10 was certain").isGreaterThanOrEqualTo(10);
        assertThat(prefetched).as("queries whose result data started loading before their top 10 was certain")
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void newestFirstListsEveryBestMatchInDateOrder() {
        List<Q> qs = List.of(new Q("model", false, "", "", "", "newest"), new Q("retrieval recommendation", false, "", "", "", "newest"),
                new Q("大语言模型", false, "", "", "", "newest"), new Q("transla", true, "", "", "", "newest"),
                new Q("language model", false, "cs.CL", "", "", "newest"), new Q("hallucinaton", false, "", "", "", "newest"));
        List<List<ReferenceSearch.Hit>> got = browserSearch(qs);
        for (int i = 0; i < qs.size(); i++) {
            Q q = qs.get(i);
            List<Paper> papers = site.lucene.papers();
            IntPredicate accept = q.channel().isEmpty() ? null
                    : d -> papers.get(d).appearances().stream().anyMatch(a -> a.digest().channel().equals(q.channel()));
            List<Integer> expected = lucene.newest(lucene.plan(q.text(), q.prefix()), accept);
            assertThat(got.get(i).stream().map(ReferenceSearch.Hit::doc).toList()).as("newest for %s", q).isEqualTo(expected);
        }
        assertThat(got.get(0)).as("every match of a common word, not a top slice").hasSizeGreaterThan(100);
    }
}
