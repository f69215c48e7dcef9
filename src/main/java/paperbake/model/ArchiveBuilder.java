package paperbake.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import paperbake.report.Diagnostic;

/** Gathers parsed digests into an {@link Archive}: one {@link Paper} per distinct arXiv id. */
public final class ArchiveBuilder {

    /** Newest first; undated after every dated digest; ties broken by id so the order is total. */
    public static final Comparator<Digest> NEWEST_FIRST = Comparator
            .comparing(Digest::date, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(Digest::id);

    private final List<Digest> digests = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public ArchiveBuilder add(Digest digest) {
        digests.add(digest);
        return this;
    }

    /** What the last {@link #build()} found wrong across digests (listings of one paper that disagree). */
    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    public Archive build() {
        diagnostics.clear();
        List<Digest> sorted = new ArrayList<>(digests);
        sorted.sort(NEWEST_FIRST);
        // Grouped by hash, then sorted once: a sorted map compared ids on every one of the entries (half of this stage).
        Map<ArxivId, List<Listing>> byId = new HashMap<>();
        for (Digest d : sorted) {
            List<Entry> entries = d.entries();
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(new Listing(d, i, e));
            }
        }
        ArxivId[] ids = byId.keySet().toArray(ArxivId[]::new);
        Arrays.sort(ids);
        Map<ArxivId, Paper> papers = new TreeMap<>();
        for (ArxivId id : ids) {
            papers.put(id, merge(id, byId.get(id)));
        }
        TreeSet<String> channels = new TreeSet<>();
        sorted.forEach(d -> channels.add(d.channel()));
        return new Archive(List.copyOf(sorted), papers, List.copyOf(channels));
    }

    private record Listing(Digest digest, int position, Entry entry) {

        String where() {
            return digest.source() + ":" + entry.line();
        }

        FieldSource source(String field) {
            return new FieldSource(field, digest.id(), digest.source(), entry.line());
        }
    }

    /*
     * A paper is re-announced (replace, cross) and listed in several channels, and each listing
     * was generated separately: one may have lost its Chinese title, another had its abstract
     * cut at 1,000 characters. Choosing one whole entry would throw away text another one has,
     * so each field is chosen on its own: a complete text beats a truncated one, a longer text
     * beats a shorter one, and among equals the newest listing wins (listings arrive newest first
     * and the comparison is strict), so a corrected title in a later digest is preferred. Which
     * listing each field came from is kept with the paper.
     */
    private Paper merge(ArxivId id, List<Listing> listings) {
        Listing titleZh = best(listings, Entry::titleZh, e -> false);
        Listing titleEn = best(listings, Entry::titleEn, e -> false);
        Listing tldrZh = best(listings, Entry::tldrZh, e -> false);
        Listing tldrEn = best(listings, Entry::tldrEn, e -> false);
        Listing zh = best(listings, Entry::abstractZh, Entry::abstractZhTruncated);
        Listing en = best(listings, Entry::abstractEn, Entry::abstractEnTruncated);
        Listing category = best(listings, Entry::category, e -> false);
        reportOtherTitles(id, listings, titleEn);
        List<Appearance> appearances = listings.stream()
                .map(l -> new Appearance(l.digest().id(), l.digest().date(), l.position(), l.entry().announceType()))
                .toList();
        List<FieldSource> sources = new ArrayList<>();
        addSource(sources, "titleZh", titleZh, Entry::titleZh);
        addSource(sources, "titleEn", titleEn, Entry::titleEn);
        addSource(sources, "tldrZh", tldrZh, Entry::tldrZh);
        addSource(sources, "tldrEn", tldrEn, Entry::tldrEn);
        addSource(sources, "abstractZh", zh, Entry::abstractZh);
        addSource(sources, "abstractEn", en, Entry::abstractEn);
        addSource(sources, "category", category, Entry::category);
        return new Paper(
                id,
                titleZh.entry().titleZh(),
                titleEn.entry().titleEn(),
                tldrZh.entry().tldrZh(),
                tldrEn.entry().tldrEn(),
                zh.entry().abstractZh(),
                en.entry().abstractEn(),
                zh.entry().abstractZhTruncated(),
                en.entry().abstractEnTruncated(),
                category.entry().category(),
                listings.stream().mapToInt(l -> l.entry().ref().version()).max().orElse(0),
                appearances,
                sources);
    }

    private static void addSource(List<FieldSource> sources, String field, Listing from, Function<Entry, String> text) {
        if (!text.apply(from.entry()).isEmpty()) {
            sources.add(from.source(field));
        }
    }

    /*
     * English titles come from arXiv, so listings that disagree mean a retitled version or a
     * damaged digest; only one title can be shown, and the choice should not be silent. Chinese
     * titles are machine translations that differ between listings as a matter of course.
     */
    private void reportOtherTitles(ArxivId id, List<Listing> listings, Listing chosen) {
        String shown = chosen.entry().titleEn();
        String same = null; // comparable(shown), made only when a listing's title is not the very same text
        for (Listing l : listings) {
            String t = l.entry().titleEn();
            if (t.isEmpty() || t.equals(shown)) {
                continue;
            }
            if (same == null) {
                same = comparable(shown);
            }
            if (!comparable(t).equals(same)) {
                diagnostics.add(Diagnostic.warning(l.digest().source(), l.entry().line(), "arXiv:" + id
                        + " is listed here with the title '" + abbreviate(t) + "' but at " + chosen.where() + " as '"
                        + abbreviate(shown) + "'; the paper page shows the latter (the longest, newest among equals)"));
            }
        }
    }

    private static String comparable(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static Listing best(List<Listing> listings, Function<Entry, String> text, Predicate<Entry> truncated) {
        Listing best = listings.get(0);
        for (Listing l : listings.subList(1, listings.size())) {
            if (better(l.entry(), best.entry(), text, truncated)) {
                best = l;
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
