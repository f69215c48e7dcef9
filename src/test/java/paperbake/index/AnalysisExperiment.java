package paperbake.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import paperbake.bench.Corpus;
import paperbake.model.Paper;

/**
 * The measurement behind the Chinese analysis choice (docs/SEARCH.md): CJK bigrams vs
 * unigrams+bigrams vs the smartcn dictionary segmenter, on known-item queries made from real
 * Chinese titles and TL;DRs of cs.CL: a fragment of 2–6 characters cut anywhere (a half-
 * remembered title does not respect word boundaries), or a whole segmented word pair.
 *
 * <pre>java -cp target/classes:target/test-classes:CP paperbake.index.AnalysisExperiment ../shared/corpus/cn-chat-arxiv/cs.CL</pre>
 */
public final class AnalysisExperiment {

    public static void main(String[] args) throws Exception {
        var archive = Corpus.read(Path.of(args[0]));
        List<Paper> papers = new ArrayList<>(archive.papers().values());
        Random r = new Random(7);
        List<String[]> queries = new ArrayList<>(); // [query, arxiv id]
        while (queries.size() < 400) {
            Paper p = papers.get(r.nextInt(papers.size()));
            String src = queries.size() % 2 == 0 ? p.titleZh() : p.tldrZh();
            List<String> runs = new ArrayList<>();
            for (String run : src.split("[^\\p{IsHan}]+")) {
                if (run.length() >= 4) {
                    runs.add(run);
                }
            }
            if (runs.isEmpty()) {
                continue;
            }
            String run = runs.get(r.nextInt(runs.size()));
            int len = Math.min(run.length(), 2 + r.nextInt(5));
            int start = r.nextInt(run.length() - len + 1);
            queries.add(new String[] {run.substring(start, start + len), p.id().value()});
        }
        // Word-aligned queries: one or two consecutive smartcn words of a title — smartcn's best case.
        List<String[]> words = new ArrayList<>();
        SmartChineseAnalyzer seg = new SmartChineseAnalyzer();
        while (words.size() < 400) {
            Paper p = papers.get(r.nextInt(papers.size()));
            List<String> ws = terms(seg, p.titleZh()).stream().filter(w -> w.length() >= 2 && w.matches("\\p{IsHan}+")).toList();
            if (ws.size() < 2) {
                continue;
            }
            int i = r.nextInt(ws.size() - 1);
            words.add(new String[] {r.nextBoolean() ? ws.get(i) : ws.get(i) + ws.get(i + 1), p.id().value()});
        }
        String head = "| analysis | success@1 | success@10 | MRR@10 | distinct terms | postings | index time |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |";
        System.out.println("Fragments cut anywhere (400 queries from Chinese titles and TL;DRs):\n" + head);
        run("CJK bigrams (chosen)", new PaperAnalyzer(), papers, queries);
        run("CJK unigrams + bigrams", bigramsAndUnigrams(), papers, queries);
        run("smartcn segmenter", new SmartChineseAnalyzer(), papers, queries);
        System.out.println("\nWhole words as smartcn segments them (400 queries from Chinese titles):\n" + head);
        run("CJK bigrams (chosen)", new PaperAnalyzer(), papers, words);
        run("CJK unigrams + bigrams", bigramsAndUnigrams(), papers, words);
        run("smartcn segmenter", new SmartChineseAnalyzer(), papers, words);
        weights(papers, r);
    }

    /**
     * Field weights on half-remembered titles (3-5 consecutive English title words, or a Chinese
     * title fragment) and on topic-like TL;DR fragments: which boosts find the paper.
     */
    static void weights(List<Paper> papers, Random r) throws Exception {
        List<String[]> titles = new ArrayList<>();
        List<String[]> topics = new ArrayList<>();
        while (titles.size() < 300) {
            Paper p = papers.get(r.nextInt(papers.size()));
            String[] w = p.titleEn().split("\\s+");
            if (w.length < 5) {
                continue;
            }
            int n = 3 + r.nextInt(3);
            int i = r.nextInt(w.length - n + 1);
            titles.add(new String[] {String.join(" ", java.util.Arrays.asList(w).subList(i, i + n)), p.id().value()});
        }
        while (topics.size() < 300) {
            Paper p = papers.get(r.nextInt(papers.size()));
            String[] w = p.tldrEn().isEmpty() ? p.abstractEn().split("\\s+") : p.tldrEn().split("\\s+");
            if (w.length < 12) {
                continue;
            }
            int i = r.nextInt(Math.min(40, w.length) - 4);
            topics.add(new String[] {String.join(" ", java.util.Arrays.asList(w).subList(i, i + 4)), p.id().value()});
        }
        System.out.println("\nField weights (title / TL;DR / abstract), all six fields, chosen analyzer:");
        System.out.println("| weights | title words: success@10 | title words: MRR@10 | abstract words: success@10 | abstract words: MRR@10 |");
        System.out.println("| --- | --- | --- | --- | --- |");
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        PaperAnalyzer an = new PaperAnalyzer();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(an).setRAMBufferSizeMB(256))) {
            for (Paper p : papers) {
                Document d = new Document();
                d.add(new Field("id", p.id().value(), org.apache.lucene.document.StringField.TYPE_STORED));
                for (SearchField f : SearchField.values()) {
                    d.add(new TextField(f.name, f.text.apply(p), Field.Store.NO));
                }
                w.addDocument(d);
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher s = new IndexSearcher(reader);
            for (float[] wt : List.of(new float[] {1, 1, 1}, new float[] {2, 1.5f, 1}, new float[] {3, 1.5f, 1},
                    new float[] {5, 2, 1}, new float[] {10, 3, 1})) {
                double[] a = eval(s, an, titles, wt);
                double[] b = eval(s, an, topics, wt);
                System.out.printf("| %s / %s / %s | %.1f%% | %.3f | %.1f%% | %.3f |%n", wt[0], wt[1], wt[2],
                        a[0], a[1], b[0], b[1]);
            }
        }
    }

    static double[] eval(IndexSearcher s, Analyzer an, List<String[]> queries, float[] wt) throws Exception {
        int hits = 0;
        double mrr = 0;
        for (String[] q : queries) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String t : new LinkedHashSet<>(terms(an, q[0]))) {
                for (SearchField f : SearchField.values()) {
                    float boost = f.name.startsWith("t") ? wt[0] : f.name.startsWith("s") ? wt[1] : wt[2];
                    b.add(new BoostQuery(new TermQuery(new Term(f.name, t)), boost), BooleanClause.Occur.SHOULD);
                }
            }
            ScoreDoc[] top = s.search(b.build(), 10).scoreDocs;
            for (int i = 0; i < top.length; i++) {
                if (s.storedFields().document(top[i].doc).get("id").equals(q[1])) {
                    hits++;
                    mrr += 1.0 / (i + 1);
                    break;
                }
            }
        }
        return new double[] {100.0 * hits / queries.size(), mrr / queries.size()};
    }

    static Analyzer bigramsAndUnigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String f) {
                Tokenizer t = new PaperTokenizer();
                TokenStream s = new CJKBigramFilter(t, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                        | CJKBigramFilter.KATAKANA, true);
                s = new StopFilter(s, PaperAnalyzer.STOP_WORDS);
                return new TokenStreamComponents(t, new EnglishMinimalStemFilter(s));
            }
        };
    }

    static void run(String name, Analyzer an, List<Paper> papers, List<String[]> queries) throws Exception {
        long t0 = System.nanoTime();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(an).setRAMBufferSizeMB(256))) {
            for (Paper p : papers) {
                Document d = new Document();
                d.add(new Field("id", p.id().value(), org.apache.lucene.document.StringField.TYPE_STORED));
                d.add(new TextField("tz", p.titleZh(), Field.Store.NO));
                d.add(new TextField("sz", p.tldrZh(), Field.Store.NO));
                d.add(new TextField("az", p.abstractZh(), Field.Store.NO));
                w.addDocument(d);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher s = new IndexSearcher(reader);
            long terms = 0, postings = 0;
            for (String f : List.of("tz", "sz", "az")) {
                var te = MultiTerms.getTerms(reader, f).iterator();
                while (te.next() != null) {
                    terms++;
                    postings += te.docFreq();
                }
            }
            int at1 = 0, at10 = 0;
            double mrr = 0;
            for (String[] q : queries) {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (String t : new LinkedHashSet<>(terms(an, q[0]))) {
                    b.add(new BoostQuery(new TermQuery(new Term("tz", t)), 3f), BooleanClause.Occur.SHOULD);
                    b.add(new BoostQuery(new TermQuery(new Term("sz", t)), 1.5f), BooleanClause.Occur.SHOULD);
                    b.add(new TermQuery(new Term("az", t)), BooleanClause.Occur.SHOULD);
                }
                ScoreDoc[] top = s.search(b.build(), 10).scoreDocs;
                for (int i = 0; i < top.length; i++) {
                    if (s.storedFields().document(top[i].doc).get("id").equals(q[1])) {
                        at1 += i == 0 ? 1 : 0;
                        at10++;
                        mrr += 1.0 / (i + 1);
                        break;
                    }
                }
            }
            int n = queries.size();
            System.out.printf("| %s | %.1f%% | %.1f%% | %.3f | %,d | %,d | %d ms |%n", name, 100.0 * at1 / n,
                    100.0 * at10 / n, mrr / n, terms, postings, ms);
        }
    }

    static List<String> terms(Analyzer an, String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = an.tokenStream("tz", text)) {
            CharTermAttribute a = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(a.toString());
            }
            ts.end();
        }
        return out;
    }
}
