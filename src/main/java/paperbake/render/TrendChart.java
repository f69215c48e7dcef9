package paperbake.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import paperbake.render.Views.Bar;
import paperbake.render.Views.Trend;

/**
 * Papers per month as bars, computed here so the template only places rectangles: the chart is
 * plain SVG in the page, with no script and no inline style (the CSP forbids both), coloured by
 * the stylesheet with {@code currentColor} so it follows the text colour in dark mode. Every
 * chart of a site spans the same months (the archive's first to last), so charts side by side
 * compare. Coordinates are whole units of a {@value #SLOT}-wide slot per month and a
 * {@value #HEIGHT}-high box (the SVG scales to its box anyway): on 392 topic pages, 16-digit
 * fractions were a sizeable part of the bytes topics add.
 */
final class TrendChart {

    static final int HEIGHT = 100;
    static final int SLOT = 10;
    private static final int GAP = 2;

    private final List<YearMonth> months;
    private final String lang;

    /**
     * @param from, to the archive's first and last dated month; null when nothing is dated
     * @param lang     the UI language of the chart's sentence
     */
    TrendChart(YearMonth from, YearMonth to, String lang) {
        this.lang = lang;
        List<YearMonth> m = new ArrayList<>();
        for (YearMonth at = from; at != null && !at.isAfter(to); at = at.plusMonths(1)) {
            m.add(at);
        }
        this.months = List.copyOf(m);
    }

    /** @param dates one per paper, null for an undated one */
    Trend draw(List<LocalDate> dates) {
        Map<YearMonth, Integer> counts = new TreeMap<>();
        int undated = 0;
        for (LocalDate d : dates) {
            if (d == null) {
                undated++;
            } else {
                counts.merge(YearMonth.from(d), 1, Integer::sum);
            }
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>(months.size());
        YearMonth peak = null;
        for (int i = 0; i < months.size(); i++) {
            int n = counts.getOrDefault(months.get(i), 0);
            if (n == max && max > 0 && peak == null) {
                peak = months.get(i);
            }
            if (n == 0) {
                continue; // an empty month is the gap where its bar would be
            }
            // at least one unit, so that a month with one paper beside a peak of hundreds still shows
            int h = Math.max(1, (int) Math.round((double) HEIGHT * n / max));
            bars.add(new Bar(months.get(i).toString(), n, i * SLOT + GAP / 2, HEIGHT - h, SLOT - GAP, h));
        }
        return new Trend(bars, Math.max(1, months.size()) * SLOT, HEIGHT, undated,
                label(lang, max, peak, dates.size() - undated, undated),
                label(Labels.other(lang), max, peak, dates.size() - undated, undated));
    }

    private String label(String in, int max, YearMonth peak, int dated, int undated) {
        String label = months.isEmpty() || max == 0 ? Labels.say("trendNone", in)
                : Labels.say("trendSpan", in, months.get(0), months.get(months.size() - 1), dated, max, peak);
        return undated > 0 ? label + Labels.say("trendUndated", in, undated) : label;
    }
}
