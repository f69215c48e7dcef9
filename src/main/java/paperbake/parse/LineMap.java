package paperbake.parse;

/** Offsets to 1-based line numbers, by binary search over where each line starts. */
final class LineMap {

    private final int[] starts;

    /** @param starts where each line starts, ascending, the first at 0 ({@link ParseText} finds them) */
    LineMap(int[] starts) {
        this.starts = starts;
    }

    int lineOf(int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    int lineCount() {
        return starts.length;
    }

    /** Where line {@code line} (1-based) starts. */
    int start(int line) {
        return starts[line - 1];
    }
}
