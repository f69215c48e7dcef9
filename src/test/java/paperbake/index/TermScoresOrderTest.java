package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TermScoresOrderTest {

    /** What the order must be: score descending, then index (the doc, ascending) for equal scores. */
    private static int[] reference(double[] key) {
        return IntStream.range(0, key.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -key[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    @Test
    void ordersByScoreDescendingAndKeepsTiesInDocOrder() {
        Random random = new Random(14);
        int ties = 0;
        // sizes around the insertion runs (16) and the merge widths, few and many distinct scores
        for (int m : new int[] {1, 2, 15, 16, 17, 31, 32, 33, 100, 257, 1_000, 5_003}) {
            for (int distinct : new int[] {1, 3, 50, Integer.MAX_VALUE}) {
                double[] key = new double[m];
                for (int i = 0; i < m; i++) {
                    key[i] = distinct == Integer.MAX_VALUE ? random.nextFloat() * 12.0 : 0.5 + random.nextInt(distinct);
                }
                int[] order = TermScores.byScoreDescending(key, m);
                assertThat(order).as("m=%d, %d distinct", m, distinct).isEqualTo(reference(key));
                ties += m - (int) Arrays.stream(key).distinct().count();
            }
        }
        assertThat(ties).as("ties met").isGreaterThan(10_000);
    }
}
