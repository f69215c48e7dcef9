package paperbake.index;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import paperbake.bench.Corpus;

/** Indexing cost on its own: IndexCost CHANNEL_DIR OUT [RUNS] — wall and process CPU time of SearchIndexWriter.write. */
public class IndexCost {
    public static void main(String[] a) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var archive = Corpus.read(Path.of(a[0]));
        int runs = a.length > 2 ? Integer.parseInt(a[2]) : 1;
        for (int i = 0; i < runs; i++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            var st = new SearchIndexWriter().write(archive, Path.of(a[1] + i));
            System.out.printf("%s; wall %.1f s, CPU %.1f s, load %.1f%n", st, (System.nanoTime() - t0) / 1e9,
                    (os.getProcessCpuTime() - cpu0) / 1e9, os.getSystemLoadAverage());
        }
    }
}
