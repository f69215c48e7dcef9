package paperbake.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import paperbake.model.Archive;
import paperbake.model.ArchiveBuilder;
import paperbake.model.ArxivId;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.model.Entry;

/**
 * A deliberately rough reader of the cn-chat-arxiv corpus, good enough to give the search
 * benchmark and tests realistic text before (and independently of) the real parser. It reads
 * only the detail footnotes and skips anything it does not understand.
 */
public final class RoughCorpusReader {

    private static final Pattern FOOTNOTE = Pattern.compile("^\\[\\^\\d+\\]:\\s?(.*)$");
    private static final Pattern LINK = Pattern.compile("^\\[(https?://[^\\]]+)\\]");
    private static final Pattern OLD_TAIL = Pattern.compile("\\.? \\(arXiv:[^)]*\\)\\s*$");
    private static final Pattern ABSTRACT_PREFIX = Pattern.compile("^arXiv:\\S+ Announce Type: (\\S+)\\s+Abstract:\\s*");

    /** Reads {@code dir/<channel>/<date>.md} for the given channels (all when empty), up to {@code limit} digests each. */
    public Archive read(Path dir, List<String> channels, int limit) throws IOException {
        ArchiveBuilder builder = new ArchiveBuilder();
        List<Path> chDirs;
        try (Stream<Path> s = Files.list(dir)) {
            chDirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path ch : chDirs) {
            String channel = ch.getFileName().toString();
            if (!channels.isEmpty() && !channels.contains(channel)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(ch)) {
                files = s.filter(p -> p.toString().endsWith(".md")).sorted().limit(limit).toList();
            }
            for (Path f : files) {
                String name = f.getFileName().toString().replace(".md", "");
                builder.add(new Digest(new DigestId(channel, name), f, LocalDate.parse(name), "",
                        entries(Files.readAllLines(f, StandardCharsets.UTF_8)), List.of()));
            }
        }
        return builder.build();
    }

    private static List<Entry> entries(List<String> lines) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FOOTNOTE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            List<String> paras = new ArrayList<>();
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).startsWith("[^"); j++) {
                String l = lines.get(j);
                if (l.startsWith("    ") && !l.isBlank()) {
                    paras.add(l.strip());
                }
            }
            Entry e = entry(i + 1, m.group(1).strip(), paras);
            if (e != null) {
                out.add(e);
            }
            i = j - 1;
        }
        return out;
    }

    private static Entry entry(int line, String titleZh, List<String> paras) {
        if (paras.size() < 2) {
            return null;
        }
        Matcher link = LINK.matcher(paras.get(1));
        if (!link.find()) {
            return null;
        }
        var ref = ArxivId.fromUrl(link.group(1));
        if (ref.isEmpty()) {
            return null;
        }
        String titleEn = OLD_TAIL.matcher(paras.get(0)).replaceFirst("");
        List<String> rest = paras.subList(2, paras.size());
        String tldrZh = "", tldrEn = "", absZh = "", absEn = "";
        if (rest.size() >= 4) {
            tldrZh = rest.get(0);
            tldrEn = rest.get(1);
            absZh = rest.get(2);
            absEn = rest.get(3);
        } else if (rest.size() == 3) {
            tldrZh = rest.get(0);
            absZh = rest.get(1);
            absEn = rest.get(2);
        } else if (rest.size() == 2) {
            absZh = rest.get(0);
            absEn = rest.get(1);
        } else if (rest.size() == 1) {
            absEn = rest.get(0);
        }
        String type = "";
        Matcher p = ABSTRACT_PREFIX.matcher(absEn);
        if (p.find()) {
            type = p.group(1);
            absEn = absEn.substring(p.end());
        }
        return new Entry(ref.get(), line, OLD_TAIL.matcher(titleZh).replaceFirst(""), titleEn, tldrZh, tldrEn,
                absZh, absEn, false, absEn.length() >= 990, type, "");
    }
}
