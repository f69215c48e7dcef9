package paperbake.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall-clock time per pipeline stage, in the order the stages ran. */
public final class StageTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    public <T> T time(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(stage, System.nanoTime() - start);
        }
    }

    public void add(String stage, long elapsedNanos) {
        nanos.merge(stage, elapsedNanos, Long::sum);
    }

    public Map<String, Long> nanos() {
        return Map.copyOf(nanos);
    }

    public long millis(String stage) {
        return nanos.getOrDefault(stage, 0L) / 1_000_000;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        nanos.forEach((stage, n) -> {
            if (out.length() > 0) {
                out.append(" · ");
            }
            out.append(stage).append(' ').append(String.format(java.util.Locale.ROOT, "%.2f s", n / 1e9));
        });
        return out.toString();
    }
}
