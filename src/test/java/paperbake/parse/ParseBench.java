package paperbake.parse;

import java.nio.file.Path;

/** Manual benchmark: java ... paperbake.parse.ParseBench <contentDir> [rounds]. Not a test. */
public final class ParseBench {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ContentReader reader = new ContentReader();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            ReadResult r = reader.read(dir);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long unique = r.digests().stream().flatMap(d -> d.entries().stream()).map(e -> e.id()).distinct().count();
            System.out.printf("round %d: %d ms, digests %d, read %d, withId %d, skipped %s, unique %d, diagnostics %d, errors %d%n",
                    i, ms, r.digests().size(), r.entriesRead(), r.entriesWithId(), r.skipped(), unique,
                    r.diagnostics().size(), r.errorCount());
        }
    }
}
