package paperbake.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import paperbake.index.LuceneIndex;
import paperbake.model.Archive;

/**
 * The index stage on its own, for comparing two builds of it on a shared machine by CPU time
 * rather than wall time: IndexBuildCost CONTENT_DIR [RUNS]. Prints each run's wall and process
 * CPU seconds (the first runs include the JIT's warm-up) and the load average beside them. Run it
 * with the README's JIT setting and a jar on the class path, e.g.
 * {@code java -XX:TieredStopAtLevel=1 -cp target/paperbake.jar:target/test-classes paperbake.bench.IndexBuildCost DIR 5}.
 */
public final class IndexBuildCost {
    public static void main(String[] a) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Archive archive = Corpus.read(Path.of(a[0]));
        int runs = a.length > 1 ? Integer.parseInt(a[1]) : 3;
        for (int i = 0; i < runs; i++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            int docs;
            try (LuceneIndex index = LuceneIndex.build(archive)) {
                docs = index.reader().numDocs();
            }
            System.out.printf("run %d: %d papers, wall %.2f s, CPU %.2f s, load %.1f%n", i, docs,
                    (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9, os.getSystemLoadAverage());
        }
    }
}
