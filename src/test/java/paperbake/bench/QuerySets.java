package paperbake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import paperbake.index.PaperAnalyzer;
import paperbake.model.Archive;
import paperbake.model.Paper;

/**
 * The search benchmark's query sets, made by fixed rules (a fixed seed, papers in id order)
 * from a corpus folder, and written as small TSV files ({@code query <TAB> arXiv id}; topics
 * have no id: relevance is judged from the papers' text).
 *
 * <pre>
 * java -cp ... paperbake.bench.QuerySets ../shared/corpus/cn-chat-arxiv src/test/resources/bench/queries
 * </pre>
 *
 * <ul>
 *   <li>{@code title}: 3–5 consecutive words of an English title (two or more content words);
 *   <li>{@code abstract}: 3–4 rare words (in 2–50 papers, not in the title) of an English abstract;
 *   <li>{@code chinese}: 4–8 consecutive Han characters of a Chinese TL;DR;
 *   <li>{@code typing}: a title's first two content words, the second cut to its first half;
 *   <li>{@code typo}: a rare title word (in at most 20 papers, six letters or more) with one edit
 *       (deletion, insertion, substitution or swap of neighbours) after its first letter, which
 *       no paper has;
 *   <li>{@code topics}: adjacent title word pairs that 15–300 titles share, 30 spread evenly
 *       over that range; a result is relevant when its English title, TL;DR or abstract has
 *       both words.
 * </ul>
 */
public final class QuerySets {

    static final int PER_SET = 30;
    static final long SEED = 20261201L;
    static final List<String> SETS = List.of("title", "abstract", "chinese", "typing", "typo", "topics");

    private final List<Paper> papers;
    private final PaperAnalyzer analyzer = new PaperAnalyzer();
    private final Map<String, Integer> df = new HashMap<>();

    QuerySets(Archive archive) {
        papers = new ArrayList<>(new TreeMap<>(archive.papers()).values());
        papers.sort(Comparator.comparing(p -> p.id().value()));
        for (Paper p : papers) {
            for (String t : englishTerms(p)) {
                df.merge(t, 1, Integer::sum);
            }
        }
    }

    List<Paper> papers() {
        return papers;
    }

    /** The analyzed terms of a paper's English title, TL;DR and abstract. */
    Set<String> englishTerms(Paper p) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : new String[] {p.titleEn(), p.tldrEn(), p.abstractEn()}) {
            if (s != null) {
                out.addAll(analyzer.terms(s));
            }
        }
        return out;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : (text == null ? "" : text).split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    boolean content(String word) {
        return word.length() >= 3 && !analyzer.terms(word).isEmpty();
    }

    int df(String word) {
        List<String> t = analyzer.terms(word);
        return t.isEmpty() ? 0 : df.getOrDefault(t.get(0), 0);
    }

    /** PER_SET distinct queries, each from a random paper by {@code rule} (null: no query from it). */
    Map<String, String> knownItems(Random r, Function<Paper, String> rule) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int tries = 0; out.size() < PER_SET && tries < 100_000; tries++) {
            Paper p = papers.get(r.nextInt(papers.size()));
            String q = rule.apply(p);
            if (q != null && !q.isBlank()) {
                out.putIfAbsent(q, p.id().value());
            }
        }
        return out;
    }

    Map<String, String> title(Random r) {
        return knownItems(r, p -> {
            List<String> w = words(p.titleEn());
            if (w.size() < 3) {
                return null;
            }
            int n = Math.min(w.size(), 3 + r.nextInt(3));
            int start = r.nextInt(w.size() - n + 1);
            List<String> q = w.subList(start, start + n);
            return q.stream().filter(this::content).count() >= 2 ? String.join(" ", q) : null;
        });
    }

    Map<String, String> abstractWords(Random r) {
        return knownItems(r, p -> {
            Set<String> inTitle = new LinkedHashSet<>(analyzer.terms(p.titleEn() == null ? "" : p.titleEn()));
            Map<String, String> rare = new LinkedHashMap<>(); // term -> first surface form
            for (String w : words(p.abstractEn())) {
                List<String> t = analyzer.terms(w);
                if (w.length() >= 5 && w.chars().allMatch(Character::isLetter) && t.size() == 1 && !inTitle.contains(t.get(0))
                        && df.getOrDefault(t.get(0), 0) >= 2 && df.getOrDefault(t.get(0), 0) <= 50) {
                    rare.putIfAbsent(t.get(0), w.toLowerCase(Locale.ROOT));
                }
            }
            if (rare.size() < 4) {
                return null;
            }
            List<String> forms = new ArrayList<>(rare.values());
            java.util.Collections.shuffle(forms, r);
            return String.join(" ", forms.subList(0, 3 + r.nextInt(2)));
        });
    }

    Map<String, String> chinese(Random r) {
        return knownItems(r, p -> {
            List<String> runs = new ArrayList<>();
            for (String run : (p.tldrZh() == null ? "" : p.tldrZh()).split("[^\\p{IsHan}]+")) {
                if (run.length() >= 6) {
                    runs.add(run);
                }
            }
            if (runs.isEmpty()) {
                return null;
            }
            String run = runs.get(r.nextInt(runs.size()));
            int len = Math.min(run.length(), 4 + r.nextInt(5));
            int start = r.nextInt(run.length() - len + 1);
            return run.substring(start, start + len);
        });
    }

    Map<String, String> typing(Random r) {
        return knownItems(r, p -> {
            List<String> w = words(p.titleEn()).stream().filter(this::content).toList();
            if (w.size() < 2 || w.get(1).length() < 4) {
                return null;
            }
            return w.get(0) + " " + w.get(1).substring(0, (w.get(1).length() + 1) / 2);
        });
    }

    Map<String, String> typo(Random r) {
        return knownItems(r, p -> {
            List<String> w = words(p.titleEn()).stream()
                    .filter(x -> x.length() >= 6 && x.chars().allMatch(Character::isLetter) && df(x) >= 1 && df(x) <= 20).toList();
            if (w.isEmpty()) {
                return null;
            }
            String word = w.get(r.nextInt(w.size())).toLowerCase(Locale.ROOT);
            int at = 1 + r.nextInt(word.length() - 2);
            char c = (char) ('a' + r.nextInt(26));
            String t = switch (r.nextInt(4)) {
                case 0 -> word.substring(0, at) + word.substring(at + 1);
                case 1 -> word.substring(0, at) + c + word.substring(at);
                case 2 -> word.charAt(at) == c ? null : word.substring(0, at) + c + word.substring(at + 1);
                default -> word.charAt(at) == word.charAt(at + 1) ? null
                        : word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
            };
            return t == null || df(t) > 0 ? null : t;
        });
    }

    Map<String, String> topics() {
        Map<String, Integer> pairs = new TreeMap<>();
        for (Paper p : papers) {
            List<String> w = words(p.titleEn());
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i + 1 < w.size(); i++) {
                String a = w.get(i).toLowerCase(Locale.ROOT);
                String b = w.get(i + 1).toLowerCase(Locale.ROOT);
                if (a.length() >= 4 && b.length() >= 4 && content(a) && content(b) && !a.equals(b)) {
                    seen.add(a + " " + b);
                }
            }
            seen.forEach(s -> pairs.merge(s, 1, Integer::sum));
        }
        List<String> eligible = pairs.entrySet().stream().filter(e -> e.getValue() >= 15 && e.getValue() <= 300)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < PER_SET && i < eligible.size(); i++) {
            out.put(eligible.get((int) ((long) i * eligible.size() / PER_SET)), "");
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: QuerySets CORPUS_DIR OUT_DIR");
            System.exit(2);
        }
        QuerySets s = new QuerySets(Corpus.read(Path.of(args[0])));
        Random r = new Random(SEED);
        Map<String, Map<String, String>> sets = new LinkedHashMap<>();
        sets.put("title", s.title(r));
        sets.put("abstract", s.abstractWords(r));
        sets.put("chinese", s.chinese(r));
        sets.put("typing", s.typing(r));
        sets.put("typo", s.typo(r));
        sets.put("topics", s.topics());
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        for (var e : sets.entrySet()) {
            StringBuilder b = new StringBuilder();
            e.getValue().forEach((q, id) -> b.append(q).append('\t').append(id).append('\n'));
            Files.writeString(out.resolve(e.getKey() + ".tsv"), b.toString());
            System.out.printf(Locale.ROOT, "%s: %d queries%n", e.getKey(), e.getValue().size());
        }
    }
}
