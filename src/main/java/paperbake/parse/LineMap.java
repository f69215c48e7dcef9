package paperbake.parse;

/** Offsets to 1-based line numbers, by binary search over where each line starts. */
final class LineMap {

    private final int[] starts;

    LineMap(String text) {
        this.starts = lineStarts(text);
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

    /** The offset where each line starts; indexOf, because it is vectorized and this runs on every file. */
    private static int[] lineStarts(String text) {
        int count = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            count++;
        }
        int[] starts = new int[count];
        int k = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            starts[k++] = nl + 1;
        }
        return starts;
    }
}
