package paperbake.parse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperbake.model.DigestId;
import paperbake.report.Counts;

/** A digest's date and page name, from front matter or the file name, each checked. */
final class DigestIdentity {

    private static final Pattern DATED_NAME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private final Path file;
    private final LineMap lines;
    private final FileReport report;
    private final DateLimits dates;
    private int frontMatterLine = 1;

    DigestIdentity(Path file, LineMap lines, FileReport report, DateLimits dates) {
        this.file = file;
        this.lines = lines;
        this.report = report;
        this.dates = dates;
    }

    private String stem() {
        // Spaces around a name are a mistake ContentReader reports; the name is the one meant.
        String name = file.getFileName() == null ? "" : file.getFileName().toString().strip();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    LocalDate date(FrontMatter fm) {
        if (fm.date() != null) {
            frontMatterLine = fm.dateOffset() < 0 ? 1 : lines.lineOf(fm.dateOffset());
            LocalDate d = isoDate(fm.date(), "front matter date");
            if (d != null) {
                return d;
            }
        }
        return isoDate(stem(), "file name");
    }

    /** Null when the text is not YYYY-MM-DD or is an impossible day (a warning says which). */
    private LocalDate isoDate(String s, String where) {
        Matcher m = DATED_NAME.matcher(s.strip());
        if (!m.matches()) {
            if (where.startsWith("front")) {
                report.warn(frontMatterLine, "front matter date '" + s + "' is not YYYY-MM-DD; ignored");
            }
            return null;
        }
        int line = where.startsWith("front") ? frontMatterLine : 1;
        LocalDate date;
        try {
            date = LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            report.warn(line, "the " + where + " gives the impossible date " + s.strip() + "; the digest is treated as undated");
            return null;
        }
        if (date.getYear() < DateLimits.FIRST_YEAR) {
            report.warn(line, "the " + where + " gives the date " + date + ", before arXiv existed (" + DateLimits.FIRST_YEAR
                    + "); the digest is treated as undated");
            return null;
        }
        if (date.isAfter(dates.latest())) {
            report.warn(line, "the " + where + " gives the date " + date + ", more than " + Counts.of(dates.futureDays(), "day")
                    + " after the build's date (" + dates.today() + "); a wrong date keeps the digest at the top "
                    + "of the home page: check it (or set --future-days)");
        }
        return date;
    }

    DigestId id(FrontMatter fm, String layoutChannel, LocalDate date) {
        // A layout channel is the directory name: ContentReader reports an unsafe one once per
        // directory, not once per file, so here it is only sanitized.
        String channel = layoutChannel == null || layoutChannel.isEmpty() ? "" : Text.slug(layoutChannel);
        if (fm.channel() != null) {
            channel = fm.channel().isBlank() ? "" : Text.slug(fm.channel());
            if (!channel.equals(fm.channel().strip())) {
                report.warn(fm.channelOffset() < 0 ? 1 : lines.lineOf(fm.channelOffset()), "front matter channel '" + fm.channel() + "' is not a URL-safe name; using '" + channel + "'");
            }
        }
        if (date != null) {
            return new DigestId(channel, date.toString());
        }
        String name = Text.slug(stem());
        report.warn(1, "the digest has no valid date (neither in front matter nor as a YYYY-MM-DD file name); "
                + "published as undated under the name '" + name + "'");
        return new DigestId(channel, name);
    }
}
