package paperbake.parse;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Which digest dates are plausible. A date in the future (2099-12-31, 9999-12-31) would keep its
 * digest at the top of the home page, so one later than the build's own date plus a margin is
 * reported; the margin allows for time zones and digests prepared ahead. A year before arXiv
 * existed is not a digest's date at all. The build's date is passed in, never read from the
 * system clock here, so a check is repeatable.
 *
 * @param today      the build's own date
 * @param futureDays how many days after {@code today} a digest may be dated without a warning
 */
public record DateLimits(LocalDate today, int futureDays) {

    /** arXiv opened in August 1991: no digest of it can be older. */
    public static final int FIRST_YEAR = 1991;
    public static final int DEFAULT_FUTURE_DAYS = 3;

    public DateLimits {
        if (today == null || futureDays < 0) {
            throw new IllegalArgumentException("today must be set and futureDays >= 0: " + today + ", " + futureDays);
        }
    }

    /** Today in UTC, as the clock says, with the default margin. */
    public static DateLimits of(Clock clock) {
        return new DateLimits(LocalDate.now(clock), DEFAULT_FUTURE_DAYS);
    }

    /** The last date that is not reported as being in the future. */
    public LocalDate latest() {
        return today.plusDays(futureDays);
    }
}
