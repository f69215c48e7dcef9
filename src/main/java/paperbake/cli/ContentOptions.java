package paperbake.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import paperbake.parse.ContentReader;
import paperbake.parse.DateLimits;
import paperbake.parse.DigestParser;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by every command that reads a content folder. */
final class ContentOptions {

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Folder of digests: <channel>/<YYYY-MM-DD>.md or flat <YYYY-MM-DD>.md (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--strict",
            description = "Exit with status 1 when the input has any warning (for the CI of digest repositories).")
    boolean strict;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    int futureDays = DateLimits.DEFAULT_FUTURE_DAYS;

    @Option(names = "--future-days", paramLabel = "N", defaultValue = "" + DateLimits.DEFAULT_FUTURE_DAYS,
            description = "Warn about digests dated more than N days after the build's date (default: ${DEFAULT-VALUE}).")
    void futureDays(int n) {
        if (n < 0) {
            throw new ParameterException(command.commandLine(), "--future-days must be 0 or more, not " + n);
        }
        futureDays = n;
    }

    @Option(names = "--build-date", paramLabel = "YYYY-MM-DD",
            description = "The build's date, which --future-days counts from (default: today, UTC); "
                    + "set it to make a check repeatable.")
    LocalDate buildDate;

    /** The reader these options describe; the build's date is read from the clock only here, at the edge. */
    ContentReader reader(Clock clock) {
        LocalDate today = buildDate != null ? buildDate : LocalDate.now(clock);
        return new ContentReader(new DigestParser(new DateLimits(today, futureDays)));
    }
}
