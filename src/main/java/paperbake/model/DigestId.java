package paperbake.model;

/**
 * Where a digest lives in the site: {@code digests/<channel>/<name>/}, or {@code digests/<name>/}
 * for flat content. {@code name} is the ISO date, or a slug of the file name when undated.
 * Both parts are restricted to URL-safe characters by whoever builds them.
 */
public record DigestId(String channel, String name) implements Comparable<DigestId> {

    public String path() {
        return channel.isEmpty() ? "digests/" + name + "/" : "digests/" + channel + "/" + name + "/";
    }

    @Override
    public int compareTo(DigestId o) {
        int c = channel.compareTo(o.channel);
        return c != 0 ? c : name.compareTo(o.name);
    }

    /** Written out, as {@link ArxivId#equals} is: the generated ones are slow under C1. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DigestId other && channel.equals(other.channel) && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return 31 * channel.hashCode() + name.hashCode();
    }
}
