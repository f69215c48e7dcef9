package paperbake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import paperbake.index.SearchIndexStats;

class SearchExportTest {

    private static final SearchIndexStats STATS = new SearchIndexStats(3, 2, 100, 5, 7, 1, 0, 0, 1);

    @Test
    void joinGivesWhatTheExportReturnedOnItsOwnThread() {
        String[] thread = new String[1];
        try (SearchExport export = SearchExport.start(() -> {
            thread[0] = Thread.currentThread().getName();
            return STATS;
        })) {
            SearchExport.Done done = export.join();
            assertThat(done.stats()).isSameAs(STATS);
            assertThat(done.nanos()).isPositive();
            assertThat(thread[0]).isEqualTo("search-export").isNotEqualTo(Thread.currentThread().getName());
        }
    }

    @Test
    void whatTheExportThrewIsRethrownAsItWas() {
        UncheckedIOException failure = new UncheckedIOException(new IOException("disk full"));
        try (SearchExport export = SearchExport.start(() -> {
            throw failure;
        })) {
            assertThatThrownBy(export::join).isSameAs(failure);
        }
    }

    @Test
    void closingWaitsForTheExportSoTheIndexIsNotClosedUnderIt() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        SearchExport export = SearchExport.start(() -> {
            started.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            finished.set(true);
            return STATS;
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        export.close(); // a build that failed before join()
        assertThat(finished).isTrue();
    }
}
