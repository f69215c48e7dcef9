package paperbake.report;

/** Counted nouns for messages and summaries: "1 digest", "2 digests", never "1 digests". */
public final class Counts {

    private Counts() {}

    /** {@code n} and the noun, with an "s" unless {@code n} is 1. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    public static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
