package paperbake.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/** The shared real corpus beside the project, when this machine has it. */
final class Shared {

    private Shared() {}

    /** Skips the calling test when the shared corpus is absent. */
    static Path cnChatArxiv() {
        String shared = System.getProperty("paperbake.shared");
        Assumptions.assumeTrue(shared != null, "system property paperbake.shared is not set");
        Path corpus = Path.of(shared, "corpus", "cn-chat-arxiv");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "shared corpus not found at " + corpus);
        return corpus;
    }

    /**
     * arXiv abs/pdf links as a plain regex over raw text, independent of the parser: what a paper
     * id looks like in a digest, new style or old style, with an optional version.
     */
    static final Pattern ARXIV_LINK = Pattern.compile(
            "arxiv\\.org/(?:abs|pdf)/(\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?(?![\\d])");

    static java.util.Set<String> arxivIds(CharSequence text) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        Matcher m = ARXIV_LINK.matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
