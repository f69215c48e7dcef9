package paperbake.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.report.Diagnostic;

/**
 * Channel names that differ only in letter case ({@code CS.CL}, {@code cs.CL}, {@code cs.cl}) are
 * one channel: as three they would split one channel's listing, and their folders would
 * collide on a case-insensitive disk (a Mac or Windows checkout of the site).
 */
final class ChannelNames {

    private ChannelNames() {}

    /**
     * The digests with each channel under one spelling: the one most digests use (the first in
     * code-point order among equals, so the choice is stable); each other spelling is reported once,
     * at its first digest.
     */
    static List<Digest> unify(List<Digest> digests, List<Diagnostic> diagnostics) {
        Map<String, Map<String, List<Digest>>> byFolded = new TreeMap<>();
        for (Digest d : digests) {
            byFolded.computeIfAbsent(d.channel().toLowerCase(Locale.ROOT), k -> new TreeMap<>())
                    .computeIfAbsent(d.channel(), k -> new ArrayList<>()).add(d);
        }
        Map<String, String> canonical = new TreeMap<>();
        byFolded.values().forEach(spellings -> {
            String chosen = null;
            for (Map.Entry<String, List<Digest>> e : spellings.entrySet()) {
                if (chosen == null || e.getValue().size() > spellings.get(chosen).size()) {
                    chosen = e.getKey();
                }
            }
            for (Map.Entry<String, List<Digest>> e : spellings.entrySet()) {
                canonical.put(e.getKey(), chosen);
                if (!e.getKey().equals(chosen)) {
                    Digest first = e.getValue().get(0);
                    diagnostics.add(Diagnostic.warning(first.source(), 1, "channel '" + e.getKey() + "' differs from '"
                            + chosen + "' only in letter case, so they are one channel (as two, their folders would collide "
                            + "on a case-insensitive disk); " + (e.getValue().size() == 1 ? "this digest is"
                            : "its " + e.getValue().size() + " digests are") + " published under '" + chosen + "'"));
                }
            }
        });
        return digests.stream().map(d -> d.channel().equals(canonical.get(d.channel())) ? d
                : new Digest(new DigestId(canonical.get(d.channel()), d.id().name()), d.source(), d.date(), d.title(),
                        d.entries(), d.others())).toList();
    }
}
