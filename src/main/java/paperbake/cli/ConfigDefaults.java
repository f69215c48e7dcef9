package paperbake.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import paperbake.report.Diagnostic;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@value #FILE_NAME} in the working folder (written by {@code init}) gives option defaults per
 * command, so a digest repository keeps its site title, base URL and import mapping in one small
 * file; options on the command line override it:
 *
 * <pre>
 * build:
 *   title: cn-chat-arxiv
 *   base-url: /cn-chat-arxiv/
 * import:
 *   files: [cs.CL.md, econ.md]
 * </pre>
 *
 * Keys are the commands' long option names without dashes; a list becomes a comma-separated
 * value. A setting no command has is reported with its line, never silently ignored.
 */
final class ConfigDefaults implements IDefaultValueProvider {

    static final String FILE_NAME = "paperbake.yml";

    /** A setting with the line it came from. */
    private record Setting(String value, int line) {}

    private final Path file;
    private final Map<String, Map<String, Setting>> byCommand;

    private ConfigDefaults(Path file, Map<String, Map<String, Setting>> byCommand) {
        this.file = file;
        this.byCommand = byCommand;
    }

    /** Reads {@code file}; problems go to {@code diagnostics}, and what could be read is still used. */
    static ConfigDefaults load(Path file, List<Diagnostic> diagnostics) {
        Map<String, Map<String, Setting>> out = new TreeMap<>();
        Node root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(in);
        } catch (IOException | RuntimeException e) {
            diagnostics.add(Diagnostic.warning(file, 1, "cannot read the settings (" + e.getMessage() + "); none are used"));
            return new ConfigDefaults(file, out);
        }
        if (root == null) {
            return new ConfigDefaults(file, out);
        }
        if (!(root instanceof MappingNode commands)) {
            diagnostics.add(Diagnostic.warning(file, line(root), "expected one section per command (build:, import:); none are used"));
            return new ConfigDefaults(file, out);
        }
        for (NodeTuple c : commands.getValue()) {
            String command = scalar(c.getKeyNode());
            if (!(c.getValueNode() instanceof MappingNode options)) {
                diagnostics.add(Diagnostic.warning(file, line(c.getKeyNode()), "\"" + command + "\" should hold option: value lines"));
                continue;
            }
            Map<String, Setting> settings = out.computeIfAbsent(command, k -> new TreeMap<>());
            for (NodeTuple o : options.getValue()) {
                String value = value(o.getValueNode());
                if (value == null) {
                    diagnostics.add(Diagnostic.warning(file, line(o.getKeyNode()),
                            command + "." + scalar(o.getKeyNode()) + " should be a value or a list of values"));
                } else {
                    settings.put(scalar(o.getKeyNode()), new Setting(value, line(o.getKeyNode())));
                }
            }
        }
        return new ConfigDefaults(file, out);
    }

    /** Settings that name no option of their command: typos would otherwise be silently ignored. */
    List<Diagnostic> unknown(CommandLine root) {
        List<Diagnostic> out = new ArrayList<>();
        byCommand.forEach((command, settings) -> {
            CommandLine sub = root.getSubcommands().get(command);
            settings.forEach((key, s) -> {
                if (sub == null) {
                    out.add(Diagnostic.warning(file, s.line(), "no command \"" + command + "\"; the setting " + key + " is not used"));
                } else if (sub.getCommandSpec().findOption("--" + key) == null) {
                    out.add(Diagnostic.warning(file, s.line(), command + " has no option --" + key + "; the setting is not used"));
                }
            });
        });
        return out;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
            return null;
        }
        Setting s = byCommand.getOrDefault(option.command().name(), Map.of()).get(option.longestName().substring(2));
        return s == null ? null : s.value();
    }

    private static String value(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        if (node instanceof SequenceNode list && list.getValue().stream().allMatch(n -> n instanceof ScalarNode)) {
            return list.getValue().stream().map(ConfigDefaults::scalar).collect(Collectors.joining(","));
        }
        return null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : String.valueOf(node);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
