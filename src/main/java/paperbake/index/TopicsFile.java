package paperbake.index;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import paperbake.report.Diagnostic;

/**
 * Reads {@code topics.yml}: a YAML list of topics, each a mapping with {@code slug}, {@code zh},
 * {@code en}, {@code query} and an optional {@code description}. Read through SnakeYAML's node
 * API rather than into maps because the nodes keep their marks, so every problem can point at
 * its line. A bad topic is reported and left out; the others are kept.
 */
public final class TopicsFile {

    public static final String NAME = "topics.yml";

    private static final List<String> KEYS = List.of("slug", "zh", "en", "query", "description");

    public record Result(List<TopicSpec> topics, List<Diagnostic> diagnostics) {

        public static final Result NONE = new Result(List.of(), List.of());

        public Result {
            topics = List.copyOf(topics);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** The content folder's topics.yml, or no topics when there is none. */
    public Result read(Path contentDir) {
        Path file = contentDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Result.NONE;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, in);
        } catch (IOException e) {
            return new Result(List.of(), List.of(Diagnostic.error(file, 1, "could not read the topics: " + e.getMessage())));
        }
    }

    Result parse(Path file, Reader in) {
        List<Diagnostic> problems = new ArrayList<>();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported below, with both lines
            options.setMaxAliasesForCollections(0);
            options.setCodePointLimit(1 << 20);
            root = new Yaml(options).compose(in);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            return new Result(List.of(), List.of(Diagnostic.warning(file, m == null ? 1 : m.getLine() + 1,
                    "not valid YAML, no topics read: " + what)));
        } catch (RuntimeException e) { // SnakeYAML's limits (aliases, size) are plain YAMLExceptions
            return new Result(List.of(), List.of(Diagnostic.warning(file, 1, "no topics read: " + e.getMessage())));
        }
        if (root == null) {
            return Result.NONE;
        }
        if (!(root instanceof SequenceNode list)) {
            return new Result(List.of(), List.of(Diagnostic.warning(file, line(root),
                    "expected a list of topics (each starting with \"- slug: ...\"), no topics read")));
        }
        List<TopicSpec> topics = new ArrayList<>();
        Map<String, Integer> slugs = new HashMap<>();
        for (Node item : list.getValue()) {
            TopicSpec t = topic(file, item, problems);
            if (t == null) {
                continue;
            }
            Integer first = slugs.putIfAbsent(t.slug(), t.line());
            if (first != null) {
                problems.add(Diagnostic.warning(file, t.line(), "duplicate slug \"" + t.slug()
                        + "\" (first used on line " + first + "); this topic is left out"));
                continue;
            }
            topics.add(t);
        }
        return new Result(topics, problems);
    }

    private static TopicSpec topic(Path file, Node item, List<Diagnostic> problems) {
        int line = line(item);
        if (!(item instanceof MappingNode map)) {
            problems.add(Diagnostic.warning(file, line, "a topic must be a mapping with slug, zh, en and query; left out"));
            return null;
        }
        Map<String, String> values = new HashMap<>();
        boolean ok = true;
        for (NodeTuple kv : map.getValue()) {
            String key = kv.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (!KEYS.contains(key)) {
                problems.add(Diagnostic.warning(file, line(kv.getKeyNode()), "unknown key \"" + key
                        + "\" (a topic has " + String.join(", ", KEYS) + "); ignored"));
            } else if (!(kv.getValueNode() instanceof ScalarNode v)) {
                problems.add(Diagnostic.warning(file, line(kv.getValueNode()), "\"" + key + "\" must be text; topic left out"));
                ok = false;
            } else if (values.put(key, v.getValue().strip()) != null) {
                problems.add(Diagnostic.warning(file, line(kv.getKeyNode()), "\"" + key + "\" given twice; topic left out"));
                ok = false;
            }
        }
        if (!ok) {
            return null; // already said why
        }
        String slug = values.getOrDefault("slug", "");
        String query = values.getOrDefault("query", "");
        String zh = values.getOrDefault("zh", "");
        String en = values.getOrDefault("en", "");
        if (slug.isEmpty() || query.isEmpty() || zh.isEmpty() && en.isEmpty()) {
            problems.add(Diagnostic.warning(file, line, "a topic needs a slug, a query and a name (zh or en); left out"));
            return null;
        }
        if (!TopicSpec.validSlug(slug)) {
            problems.add(Diagnostic.warning(file, line, "slug \"" + slug
                    + "\" is not lower-case letters, digits and inner hyphens (it becomes a URL); topic left out"));
            return null;
        }
        return new TopicSpec(slug, zh, en, query, values.getOrDefault("description", ""), line);
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 1 : n.getStartMark().getLine() + 1;
    }
}
