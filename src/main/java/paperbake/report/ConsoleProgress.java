package paperbake.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress on a console, in one of three manners:
 * <ul>
 *   <li>{@link Mode#TERMINAL}: one line that is rewritten in place ({@code \r}) with the stage and
 *       its count, at most ten times a second; a warning clears it, is printed, and the line is
 *       drawn again below it;</li>
 *   <li>{@link Mode#LOG}: for CI and other logs, where a rewritten line would pile up: one line
 *       per finished stage with what it produced and its seconds;</li>
 *   <li>{@link Mode#QUIET}: the problems only.</li>
 * </ul>
 * Problems are printed as found in every mode, so a long build shows them at once.
 */
public final class ConsoleProgress implements Progress {

    public enum Mode { TERMINAL, LOG, QUIET }

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final Mode mode;
    private final LongSupplier clock;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastDraw = new AtomicLong(Long.MIN_VALUE / 2);
    private volatile String stage = "";
    private volatile String unit = "";
    private volatile long total;
    private int drawn; // width of the line now on the terminal; guarded by this

    /** @param clock nanoseconds, as {@link System#nanoTime()}; passed in so tests can step it */
    public ConsoleProgress(PrintStream out, Mode mode, LongSupplier clock) {
        this.out = out;
        this.mode = mode;
        this.clock = clock;
    }

    /**
     * The manner that suits where the output goes: quiet when asked, a log under CI or when the
     * output is not a terminal (a file, a pipe), the rewritten line otherwise.
     */
    public static Mode modeFor(boolean quiet, boolean terminal, String ciVariable) {
        if (quiet) {
            return Mode.QUIET;
        }
        boolean ci = ciVariable != null && !ciVariable.isBlank() && !ciVariable.equalsIgnoreCase("false");
        return terminal && !ci ? Mode.TERMINAL : Mode.LOG;
    }

    @Override
    public void start(String stage, long total, String unit) {
        this.stage = stage;
        this.unit = unit;
        this.total = total;
        done.set(0);
        if (mode == Mode.TERMINAL) {
            draw(true);
        }
    }

    @Override
    public void step() {
        done.incrementAndGet();
        if (mode != Mode.TERMINAL) {
            return;
        }
        long now = clock.getAsLong();
        long last = lastDraw.get();
        if (now - last >= REDRAW_NANOS && lastDraw.compareAndSet(last, now)) {
            draw(false);
        }
    }

    @Override
    public synchronized void done(String stage, String summary, long nanos) {
        switch (mode) {
            case TERMINAL -> {
                clear();
                out.print(line(stage, summary, nanos));
                out.flush();
                drawn = -1; // the finished stage stays on its line until the next stage overwrites it
            }
            case LOG -> out.println(line(stage, summary, nanos));
            case QUIET -> { }
        }
    }

    @Override
    public synchronized void found(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            return;
        }
        clear();
        diagnostics.forEach(d -> out.println(d));
        if (mode == Mode.TERMINAL && !stage.isEmpty()) {
            drawLine();
        }
        out.flush();
    }

    /** Ends the rewritten line, so what is printed next starts on a line of its own. */
    public synchronized void finish() {
        if (mode == Mode.TERMINAL && drawn != 0) {
            out.println();
            drawn = 0;
        }
        out.flush();
    }

    private synchronized void draw(boolean force) {
        if (force) {
            lastDraw.set(clock.getAsLong());
        }
        clear();
        drawLine();
        out.flush();
    }

    private void drawLine() {
        long n = done.get();
        String text = total > 0
                ? String.format(Locale.ROOT, "%s: %,d of %,d %s", stage, n, total, unit)
                : n > 0 ? String.format(Locale.ROOT, "%s: %,d %s", stage, n, unit) : stage + " ...";
        out.print(text);
        drawn = text.length();
    }

    /** Wipes the rewritten line (or ends a finished stage's line) so the cursor is at a fresh line start. */
    private void clear() {
        if (mode != Mode.TERMINAL) {
            return;
        }
        if (drawn < 0) {
            out.print('\n');
        } else if (drawn > 0) {
            out.print("\r" + " ".repeat(drawn) + "\r");
        }
        drawn = 0;
    }

    private static String line(String stage, String summary, long nanos) {
        return String.format(Locale.ROOT, "%s: %s in %.1f s", stage, summary, nanos / 1e9);
    }
}
