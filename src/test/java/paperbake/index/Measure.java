package paperbake.index;

import java.nio.file.Path;
import java.util.List;
import paperbake.bench.RoughCorpusReader;

public class Measure {
    public static void main(String[] a) throws Exception {
        long t0 = System.nanoTime();
        var archive = new RoughCorpusReader().read(Path.of("/work/shared/corpus/cn-chat-arxiv"), List.of("cs.CL"), 10000);
        long t1 = System.nanoTime();
        System.out.println("papers " + archive.papers().size() + " read ms " + (t1 - t0) / 1e6);
        Path out = Path.of(a[0]);
        System.out.println(new SearchIndexWriter().write(archive, out));
    }
}
