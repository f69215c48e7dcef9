package paperbake.history;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Markdown a digest repository keeps beside its digests that is documentation, not a digest
 * (a bot's repository has a README.md, often a LICENSE.md). Matched by file name, in any case.
 */
public final class Documentation {

    private static final Set<String> NAMES = Set.of("readme.md", "changelog.md", "contributing.md", "license.md",
            "code_of_conduct.md", "security.md");

    private Documentation() {}

    public static boolean is(String path) {
        Path name = Path.of(path).getFileName();
        return name != null && NAMES.contains(name.toString().toLowerCase(Locale.ROOT));
    }
}
