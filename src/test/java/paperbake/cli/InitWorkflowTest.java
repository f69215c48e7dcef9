package paperbake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import paperbake.hostile.SiteCheck;
import paperbake.history.GrowingRepo;
import picocli.CommandLine;

/**
 * {@code init}'s workflow, parsed as YAML, has the triggers, permissions and steps GitHub Pages
 * needs, and the Paperbake commands it runs are run here, as written, in a digest repository.
 */
@SuppressWarnings("unchecked")
class InitWorkflowTest {

    @TempDir
    Path dir;

    Path repoDir;

    @BeforeEach
    void digestRepository() throws Exception {
        repoDir = dir.resolve("checkout");
        try (GrowingRepo repo = GrowingRepo.init(repoDir)) {
            repo.setOrigin("https://github.com/someone/arxiv-digest.git");
            repo.commit("README.md", "# A digest bot\n", "2024-03-06T10:00:00Z");
            repo.commit("cs.CL.md", GrowingRepo.digest("2403.00001", "2403.00002"), "2024-03-07T03:05:00Z");
            repo.commit("cs.CL.md", GrowingRepo.digest("2403.00003"), "2024-03-08T03:05:00Z");
            repo.commit("q-fin.md", GrowingRepo.digest("2403.00004"), "2024-03-08T03:06:00Z");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... keys) {
        Object o = node;
        for (String k : keys) {
            Map<Object, Object> m = (Map<Object, Object>) o;
            // YAML 1.1 (SnakeYAML) reads the key "on" as true, as GitHub's parser does not.
            o = m.containsKey(k) ? m.get(k) : "on".equals(k) ? m.get(Boolean.TRUE) : null;
            assertThat(o).as("key " + String.join(".", keys)).isNotNull();
        }
        return (T) o;
    }

    @Test
    void theWorkflowBuildsAndDeploysWithTheCommandsTheCliHasToday() throws Exception {
        assertThat(Main.run("init", repoDir.toString())).isZero();
        Map<String, Object> wf = yaml(repoDir.resolve(InitCommand.WORKFLOW));

        assertThat(at(wf, "on", "schedule").toString()).contains("cron=40 3,9,15,21 * * *");
        assertThat(at(wf, "on", "push", "branches").toString()).isEqualTo("[main]");
        assertThat((Map<Object, Object>) at(wf, "on")).containsKey("workflow_dispatch");
        assertThat((Map<Object, Object>) at(wf, "permissions")).isEqualTo(Map.of("contents", "read", "pages", "write", "id-token", "write"));
        assertThat((Map<Object, Object>) at(wf, "concurrency")).containsEntry("group", "pages");

        List<Map<String, Object>> build = at(wf, "jobs", "build", "steps");
        assertThat(uses(build)).containsExactly("actions/checkout@v4", "actions/setup-java@v4", "actions/cache@v4",
                "actions/cache@v4", "actions/cache@v4", "actions/upload-pages-artifact@v3");
        assertThat(build.stream().filter(s -> "actions/cache@v4".equals(s.get("uses")))
                .map(s -> String.valueOf(((Map<?, ?>) s.get("with")).get("path"))))
                .as("the jar, the imported days, the build cache")
                .containsExactly(".paperbake/paperbake.jar", ".paperbake/content", ".paperbake/build-cache");
        assertThat(step(build, "actions/checkout@v4").get("with")).isEqualTo(Map.of("fetch-depth", 0));
        assertThat((Map<Object, Object>) step(build, "actions/setup-java@v4").get("with")).containsEntry("java-version", "17");
        assertThat(step(build, "actions/upload-pages-artifact@v3").get("with")).isEqualTo(Map.of("path", "_site"));
        Map<String, Object> deploy = at(wf, "jobs", "deploy");
        assertThat(deploy.get("needs")).isEqualTo("build");
        assertThat((Map<Object, Object>) deploy.get("environment")).containsEntry("name", "github-pages");
        assertThat(uses(at(deploy, "steps"))).containsExactly("actions/deploy-pages@v4");
        assertThat((Map<Object, Object>) at(wf, "env")).containsEntry("PAPERBAKE_REF", "v0.1.0");

        List<List<String>> commands = paperbakeCommands(build, Map.of());
        assertThat(commands).extracting(c -> c.get(0)).containsExactly("import", "build");
        for (List<String> command : commands) {
            Run r = runInRepository(command);
            assertThat(r.exit()).as(command + "\n" + r.output()).isZero();
        }
        assertThat(commands.get(1)).as("build keeps its cache where the workflow restores it from")
                .containsSequence("--cache", ".paperbake/build-cache");
        assertThat(repoDir.resolve(".paperbake/build-cache/CACHEDIR.TAG")).isRegularFile();
        Path site = repoDir.resolve("_site");
        assertThat(site.resolve("digests/cs.CL/2024-03-08/index.html")).isRegularFile();
        assertThat(site.resolve("digests/q-fin/2024-03-08/index.html")).isRegularFile();
        assertThat(site.resolve("papers/2403.00004/index.html")).isRegularFile();

        // The base URL init derived from the origin remote's name, read by build from paperbake.yml.
        Map<String, Object> config = yaml(repoDir.resolve(ConfigDefaults.FILE_NAME));
        assertThat((Map<Object, Object>) at(config, "build")).containsEntry("base-url", "/arxiv-digest/").containsEntry("title", "arxiv-digest");
        assertThat(at(config, "import", "files").toString()).isEqualTo("[cs.CL.md, q-fin.md]");
        String index = Files.readString(site.resolve("index.html"));
        assertThat(index).contains("href=\"/arxiv-digest/digests/cs.CL/2024-03-08/\"").contains("arxiv-digest");
        assertThat(SiteCheck.brokenReferences(site, "/arxiv-digest/")).isEmpty();
    }

    @Test
    void initNeverOverwritesWithoutForce() throws Exception {
        Path workflow = repoDir.resolve(InitCommand.WORKFLOW);
        Files.createDirectories(workflow.getParent());
        Files.writeString(workflow, "name: mine\n");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(Main.run("init", repoDir.toString())).isEqualTo(1);
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("exists; kept as it is (--force overwrites it)");
        assertThat(Files.readString(workflow)).isEqualTo("name: mine\n");
        assertThat(repoDir.resolve(ConfigDefaults.FILE_NAME)).as("the other file is still written").isRegularFile();

        assertThat(Main.run("init", "--force", "--base-url", "/", "--title", "Daily \"arXiv\"", repoDir.toString())).isZero();
        assertThat(Files.readString(workflow)).contains("actions/deploy-pages");
        assertThat((Map<Object, Object>) at(yaml(repoDir.resolve(ConfigDefaults.FILE_NAME)), "build"))
                .containsEntry("base-url", "/").containsEntry("title", "Daily \"arXiv\"");
    }

    @Test
    void thisRepositorysOwnPagesWorkflowBuildsTheEmbeddedExampleWithTheCurrentSyntax() throws Exception {
        Map<String, Object> wf = yaml(Path.of(".github/workflows/pages.yml"));
        assertThat((Map<Object, Object>) at(wf, "permissions")).containsEntry("pages", "write").containsEntry("id-token", "write");
        assertThat((Map<Object, Object>) at(wf, "concurrency")).containsKey("group");
        List<Map<String, Object>> build = at(wf, "jobs", "build", "steps");
        assertThat(uses(build)).contains("actions/upload-pages-artifact@v3");
        assertThat(uses(at(wf, "jobs", "deploy", "steps"))).containsExactly("actions/deploy-pages@v4");
        // GitHub replaces ${{ }} expressions before the shell sees the line.
        List<List<String>> commands = paperbakeCommands(build, Map.of("${{ github.event.repository.name }}", "paperbake"));
        assertThat(commands).extracting(c -> c.get(0)).containsExactly("build");
        List<String> args = commands.get(0);
        CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
        assertThat(parsed.subcommand().matchedOptionValue("--base-url", "")).isEqualTo("/paperbake/");
    }

    static List<String> uses(List<Map<String, Object>> steps) {
        return steps.stream().map(s -> (String) s.get("uses")).filter(u -> u != null).toList();
    }

    static Map<String, Object> step(List<Map<String, Object>> steps, String uses) {
        return steps.stream().filter(s -> uses.equals(s.get("uses"))).findFirst().orElseThrow();
    }

    /** The arguments after {@code java [-X...] -jar <something>/paperbake.jar} of every run line that starts Paperbake. */
    static List<List<String>> paperbakeCommands(List<Map<String, Object>> steps, Map<String, String> expressions) {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> s : steps) {
            Object run = s.get("run");
            if (run == null) {
                continue;
            }
            for (String line : run.toString().split("\n")) {
                for (Map.Entry<String, String> e : expressions.entrySet()) {
                    line = line.replace(e.getKey(), e.getValue());
                }
                List<String> words = Arrays.asList(line.trim().split("\\s+"));
                int jar = words.indexOf("-jar");
                if (words.get(0).equals("java") && jar > 0 && words.get(jar + 1).endsWith("paperbake.jar")) {
                    out.add(List.copyOf(words.subList(jar + 2, words.size())));
                }
            }
        }
        return out;
    }

    record Run(int exit, String output) {}

    /** Runs Paperbake in a fresh JVM whose working folder is the digest repository, as the runner does. */
    Run runInRepository(List<String> args) throws IOException, InterruptedException {
        for (String a : args) {
            // Words the shell would change would make this a different command from the one tested.
            assertThat(a).as("plain word").doesNotContainPattern("[$`\"'*?\\\\|;&<>(){}]");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(repoDir.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        return new Run(p.waitFor(), out.toString(StandardCharsets.UTF_8));
    }
}
