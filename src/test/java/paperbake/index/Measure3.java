package paperbake.index;

import java.nio.file.Path;
import java.util.List;
import paperbake.bench.RoughCorpusReader;

public class Measure3 {
    public static void main(String[] a) throws Exception {
        var archive = new RoughCorpusReader().read(Path.of(a[0]), List.of("cs.CL"), 10000);
        long t0 = System.nanoTime();
        var st = new SearchIndexWriter().write(archive, Path.of(a[1]));
        System.out.println(st + " wall " + (System.nanoTime() - t0) / 1e6);
    }
}
