package paperbake.hostile;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * arXiv abs/pdf links found with a plain regex over raw text, independent of the parser: what a
 * paper id looks like in a digest, new style or old style, with an optional version.
 */
final class ArxivLinks {

    private ArxivLinks() {}

    private static final Pattern LINK = Pattern.compile(
            "arxiv\\.org/(?:abs|pdf)/(\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?(?![\\d])");

    static Set<String> ids(CharSequence text) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
