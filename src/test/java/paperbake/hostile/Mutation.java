package paperbake.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One kind of broken (or merely unusual) input: the content files to write, and what a build of
 * them must report and publish. Expectations are stated in terms of the input (which line was
 * damaged, which papers the intact parts name), never copied from a build's output.
 */
final class Mutation {

    /** A diagnostic that must be printed: this file, this line, a reason matching this regex. */
    record Expect(String file, int line, String reason) {}

    final String kind;
    final boolean broken;
    final Map<String, byte[]> files = new LinkedHashMap<>();
    final List<Expect> expects = new ArrayList<>();
    final Set<String> published = new LinkedHashSet<>();
    final Set<String> digestPages = new LinkedHashSet<>();
    /** Text no link on any page may contain (a lookalike host must never become clickable). */
    final Set<String> neverLinked = new LinkedHashSet<>();

    private Mutation(String kind, boolean broken) {
        this.kind = kind;
        this.broken = broken;
    }

    /** Input that is wrong: each case must warn, naming file and line. */
    static Mutation broken(String kind) {
        return new Mutation(kind, true);
    }

    /** A variation real digests have: must be published correctly without any warning. */
    static Mutation tolerated(String kind) {
        return new Mutation(kind, false);
    }

    Mutation file(String path, String text) {
        return file(path, text.getBytes(StandardCharsets.UTF_8));
    }

    Mutation file(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    Mutation expect(String file, int line, String reasonRegex) {
        expects.add(new Expect(file, line, reasonRegex));
        return this;
    }

    Mutation publishes(java.util.Collection<String> ids) {
        published.addAll(ids);
        return this;
    }

    Mutation neverLinks(String hrefPart) {
        neverLinked.add(hrefPart);
        return this;
    }

    Mutation digestPage(String path) {
        digestPages.add(path);
        return this;
    }

    @Override
    public String toString() {
        return (broken ? "" : "tolerated: ") + kind;
    }
}
