package paperbake.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by every command that reads a content folder. */
final class ContentOptions {

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Folder of digests: <channel>/<YYYY-MM-DD>.md or flat <YYYY-MM-DD>.md (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--strict",
            description = "Exit with status 1 when the input has any warning (for the CI of digest repositories).")
    boolean strict;
}
