package paperbake.render;

import java.util.regex.Pattern;

/**
 * Whether text holds TeX, so that only such pages load the math script ({@code assets/js/math.js},
 * which typesets it with a self-hosted Temml as MathML).
 *
 * <p>Why in the browser and not at build time: no maintained Java library turns LaTeX into
 * MathML (SnuggleTeX is unmaintained and not on Maven Central; JLaTeXMath draws images), and
 * running Temml in the JVM would need a JavaScript engine in the build. Temml is 168 KB (50 KB
 * gzipped), fetched only by pages that have TeX, and its output is copied into the page as
 * MathML elements only, never as markup. The cost is in docs/BENCHMARKS.md.
 */
final class TexMath {

    /**
     * The same pattern as {@code DELIMITED} in math.js: {@code $...$} not followed by a digit, whose
     * TeX either does not start or end with a space or (as {@code $ \pi $} in real abstracts) holds a
     * backslash, {@code ^}, {@code _} or a brace; so "$5 and $10" stays text.
     */
    static final Pattern DELIMITED = Pattern.compile(
            "\\$(?:[^\\s$](?:[^$\\n]*?[^\\s$])?|\\s[^$\\n]*?[\\\\^_{][^$\\n]*?)\\$(?!\\d)");

    private TexMath() {}

    static boolean present(String... texts) {
        for (String t : texts) {
            if (t.indexOf('$') >= 0 && DELIMITED.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }
}
