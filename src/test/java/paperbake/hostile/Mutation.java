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

    /** Text that must be shown on a page: the page's path below the site root (ending in "/"), then the text. */
    final List<String[]> pageShows = new ArrayList<>();
    /** Symbolic links to make: the link's path in the content folder, then its target as written. */
    final Map<String, String> links = new LinkedHashMap<>();
    /** Files to write beside (not inside) the content folder, under {@code outside/}. */
    final Map<String, byte[]> outside = new LinkedHashMap<>();
    /** Named pipes (FIFOs) to make in the content folder. */
    final Set<String> fifos = new LinkedHashSet<>();

    Mutation pageShows(String page, String text) {
        pageShows.add(new String[] {page, text});
        return this;
    }

    /** {@code target} is relative to the link's folder, or {@code outside/NAME} for a file written with {@link #outside}. */
    Mutation link(String path, String target) {
        links.put(path, target);
        return this;
    }

    Mutation outside(String name, String text) {
        outside.put(name, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Mutation fifo(String path) {
        fifos.add(path);
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
