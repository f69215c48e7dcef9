package paperbake.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/** Gathers parsed digests into an {@link Archive}: one {@link Paper} per distinct arXiv id. */
public final class ArchiveBuilder {

    /** Newest first; undated after every dated digest; ties broken by id so the order is total. */
    public static final Comparator<Digest> NEWEST_FIRST = Comparator
            .comparing(Digest::date, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(Digest::id);

    private final List<Digest> digests = new ArrayList<>();

    public ArchiveBuilder add(Digest digest) {
        digests.add(digest);
        return this;
    }

    public Archive build() {
        List<Digest> sorted = new ArrayList<>(digests);
        sorted.sort(NEWEST_FIRST);
        Map<ArxivId, List<Listing>> byId = new HashMap<>();
        for (Digest d : sorted) {
            List<Entry> entries = d.entries();
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(new Listing(d, i, e));
            }
        }
        Map<ArxivId, Paper> papers = new TreeMap<>();
        byId.forEach((id, listings) -> papers.put(id, merge(id, listings)));
        TreeSet<String> channels = new TreeSet<>();
        sorted.forEach(d -> channels.add(d.channel()));
        return new Archive(List.copyOf(sorted), papers, List.copyOf(channels));
    }

    private record Listing(Digest digest, int position, Entry entry) {}

    /*
     * A paper is re-announced (replace, cross) and listed in several channels, and each listing
     * was generated separately: one may have lost its Chinese title, another had its abstract
     * cut at 1,000 characters. Choosing one whole entry would throw away text another one has,
     * so each field is chosen on its own: a complete text beats a truncated one, a longer text
     * beats a shorter one, and among equals the newest listing wins (listings arrive newest first
     * and the comparison is strict), so a corrected title in a later digest is preferred.
     */
    private static Paper merge(ArxivId id, List<Listing> listings) {
        List<Entry> entries = listings.stream().map(Listing::entry).toList();
        Entry zh = best(entries, Entry::abstractZh, Entry::abstractZhTruncated);
        Entry en = best(entries, Entry::abstractEn, Entry::abstractEnTruncated);
        List<Appearance> appearances = listings.stream()
                .map(l -> new Appearance(l.digest().id(), l.digest().date(), l.position(), l.entry().announceType()))
                .toList();
        return new Paper(
                id,
                best(entries, Entry::titleZh, e -> false).titleZh(),
                best(entries, Entry::titleEn, e -> false).titleEn(),
                best(entries, Entry::tldrZh, e -> false).tldrZh(),
                best(entries, Entry::tldrEn, e -> false).tldrEn(),
                zh.abstractZh(),
                en.abstractEn(),
                zh.abstractZhTruncated(),
                en.abstractEnTruncated(),
                best(entries, Entry::category, e -> false).category(),
                entries.stream().mapToInt(e -> e.ref().version()).max().orElse(0),
                appearances);
    }

    private static Entry best(List<Entry> entries, Function<Entry, String> text, Predicate<Entry> truncated) {
        Entry best = entries.get(0);
        for (Entry e : entries.subList(1, entries.size())) {
            if (better(e, best, text, truncated)) {
                best = e;
            }
        }
        return best;
    }

    private static boolean better(Entry a, Entry b, Function<Entry, String> text, Predicate<Entry> truncated) {
        String ta = text.apply(a);
        String tb = text.apply(b);
        if (ta.isEmpty() != tb.isEmpty()) {
            return !ta.isEmpty();
        }
        if (truncated.test(a) != truncated.test(b)) {
            return !truncated.test(a);
        }
        return ta.length() > tb.length();
    }
}
