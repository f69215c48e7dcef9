package paperbake.index;

import java.nio.file.Path;
import java.util.List;
import paperbake.bench.RoughCorpusReader;

public class Measure2 {
    public static void main(String[] a) throws Exception {
        var archive = new RoughCorpusReader().read(Path.of("/work/shared/corpus/cn-chat-arxiv"), List.of("cs.CL"), 10000);
        for (int r = 0; r < 2; r++) {
        long t1 = System.nanoTime();
        long n = 0;
        var an = new PaperAnalyzer();
        for (var p : archive.papers().values()) for (var f : SearchField.values()) n += an.terms(f.text.apply(p)).size();
        long t2 = System.nanoTime();
        System.out.println("analyze ms " + (t2 - t1) / 1e6 + " tokens " + n);
        try (var idx = LuceneIndex.build(archive)) {
            long t3 = System.nanoTime();
            System.out.println("index ms " + (t3 - t2) / 1e6);
            var ps = TermScores.compute(idx);
            long t4 = System.nanoTime();
            System.out.println("scores ms " + (t4 - t3) / 1e6);
        }
        }
    }
}
