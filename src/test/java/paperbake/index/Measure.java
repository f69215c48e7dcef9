package paperbake.index;

import java.nio.file.Path;
import java.util.List;
import paperbake.bench.RoughCorpusReader;

public class Measure {
    public static void main(String[] a) throws Exception {
        long t0 = System.nanoTime();
        var archive = new RoughCorpusReader().read(Path.of(a[1]), a.length > 2 ? List.of(a[2]) : List.of(), 10000);
        long t1 = System.nanoTime();
        System.out.println("papers " + archive.papers().size() + " read ms " + (t1 - t0) / 1e6);
        new PaperTokenizer();
        long t2 = System.nanoTime();
        System.out.println("tokenizer init ms " + (t2 - t1) / 1e6);
        var idx = LuceneIndex.build(archive);
        long t3 = System.nanoTime();
        System.out.println("lucene ms " + (t3 - t2) / 1e6);
        var ps = TermScores.compute(idx);
        long t4 = System.nanoTime();
        System.out.println("scores ms " + (t4 - t3) / 1e6);
        System.out.println(new SearchIndexWriter().write(archive, Path.of(a[0])));
    }
}
