package paperbake;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import paperbake.index.SearchIndexStats;

/**
 * The search export on a thread of its own, beside the stages that follow the index. Closing it
 * waits for the export to end, so the index it reads is never closed under it, whatever the build
 * throws in between.
 */
final class SearchExport implements AutoCloseable {

    /** What the export wrote, and its wall time. */
    record Done(SearchIndexStats stats, long nanos) {}

    private final ExecutorService thread;
    private final Future<Done> result;

    private SearchExport(Supplier<SearchIndexStats> export) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "search-export");
            t.setDaemon(true);
            return t;
        });
        result = thread.submit(() -> {
            long start = System.nanoTime();
            SearchIndexStats stats = export.get();
            return new Done(stats, System.nanoTime() - start);
        });
        thread.shutdown();
    }

    static SearchExport start(Supplier<SearchIndexStats> export) {
        return new SearchExport(export);
    }

    /** Waits for the export; what it threw is rethrown here, as it was thrown. */
    Done join() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the search index was written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("the search export failed", e.getCause());
        }
    }

    @Override
    public void close() {
        try {
            result.get();
        } catch (ExecutionException | CancellationException e) {
            // reported by join(), or the build is failing for another reason already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
