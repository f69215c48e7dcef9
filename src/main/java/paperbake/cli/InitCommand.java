package paperbake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import paperbake.history.Documentation;
import paperbake.history.GitHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {
            "Scaffolds what a digest repository needs to publish itself on GitHub Pages: "
                    + ".github/workflows/paperbake.yml (import the history, build, deploy) and " + ConfigDefaults.FILE_NAME
                    + " (the site's title, base URL and import mapping).",
            "Existing files are never overwritten without --force.",
            "Exit status: 0 written, 1 a file existed and was kept, 2 nothing could be written."})
final class InitCommand implements Callable<Integer> {

    static final String WORKFLOW = ".github/workflows/paperbake.yml";

    /** GitHub's repository names; also keeps the derived base URL a plain path. */
    private static final Pattern REPO_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern OWNER_REPO = Pattern.compile("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}");
    private static final Pattern GIT_REF = Pattern.compile("[A-Za-z0-9._/-]{1,200}");

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The digest repository's working folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--repo-name", paramLabel = "NAME",
            description = "The GitHub repository's name, for the project site's base URL /NAME/ "
                    + "(default: the origin remote's name, else the folder's name).")
    String repoName;

    @Option(names = "--base-url", paramLabel = "URL", description = "Where the site is served (default: /NAME/).")
    String baseUrl;

    @Option(names = "--title", paramLabel = "TEXT", description = "The site's name (default: NAME).")
    String title;

    @Option(names = "--paperbake-repository", paramLabel = "OWNER/NAME", defaultValue = "paperbake/paperbake",
            description = "The GitHub repository the workflow builds Paperbake from (default: ${DEFAULT-VALUE}).")
    String paperbakeRepository;

    @Option(names = "--paperbake-ref", paramLabel = "TAG", defaultValue = "v0.1.0",
            description = "The tag of Paperbake the workflow builds, pinned (default: ${DEFAULT-VALUE}).")
    String paperbakeRef;

    @Option(names = "--force", description = "Overwrite the workflow and settings when they exist.")
    boolean force;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            System.err.println("paperbake: no such folder: " + dir.toAbsolutePath());
            return Diagnostics.FAILED;
        }
        GitHistory.Checkout checkout = GitHistory.checkout(dir);
        String name = repoName != null ? repoName
                : checkout.originName() != null ? checkout.originName()
                : String.valueOf(dir.toAbsolutePath().normalize().getFileName());
        String branch = checkout.branch() == null ? "main" : checkout.branch();
        if (!REPO_NAME.matcher(name).matches() || !OWNER_REPO.matcher(paperbakeRepository).matches()
                || !GIT_REF.matcher(paperbakeRef).matches() || !GIT_REF.matcher(branch).matches()) {
            System.err.println("paperbake: a repository name, tag or branch has characters GitHub does not allow: "
                    + List.of(name, paperbakeRepository, paperbakeRef, branch) + "; set them with --repo-name, "
                    + "--paperbake-repository or --paperbake-ref");
            return Diagnostics.FAILED;
        }
        boolean kept = false;
        try {
            Map<String, String> values = Map.of(
                    "@BRANCH@", quoted(branch),
                    "@PAPERBAKE_REPOSITORY@", paperbakeRepository,
                    "@PAPERBAKE_REF@", paperbakeRef,
                    "@TITLE@", quoted(title == null ? name : title),
                    "@BASE_URL@", quoted(baseUrl == null ? "/" + name + "/" : baseUrl),
                    "@FILES@", digestFiles().stream().map(InitCommand::quoted).collect(Collectors.joining(", ")));
            Map<String, String> files = new LinkedHashMap<>();
            files.put(WORKFLOW, fill(template("workflow.yml"), values));
            files.put(ConfigDefaults.FILE_NAME, fill(template("paperbake.yml"), values));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = dir.resolve(f.getKey());
                if (Files.exists(target) && !force) {
                    System.err.println("paperbake: " + target + " exists; kept as it is (--force overwrites it)");
                    kept = true;
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
                System.out.println("wrote " + target);
            }
        } catch (IOException e) {
            System.err.println("paperbake: " + e.getMessage());
            return Diagnostics.FAILED;
        }
        System.out.println("Next: commit both files, then in the repository's Settings > Pages set Source to \"GitHub Actions\".");
        return kept ? Diagnostics.INPUT_PROBLEMS : Diagnostics.OK;
    }

    /** The top-level Markdown files that are not documentation; "*.md" when there are none yet. */
    private List<String> digestFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md") && !Documentation.is(n))
                    .sorted().toList();
            return names.isEmpty() ? List.of("*.md") : names;
        }
    }

    /** A YAML double-quoted scalar: file names and titles are free text. */
    static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace(v.getKey(), v.getValue());
        }
        return out;
    }

    private static String template(String name) {
        try (InputStream in = InitCommand.class.getResourceAsStream("/paperbake/init/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks /paperbake/init/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
