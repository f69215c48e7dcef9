package paperbake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.testing.FileTree;

/**
 * The same content builds into the same bytes, with the same messages, whatever locale, time zone
 * or file encoding the JVM starts with. Each build is a separate JVM running the real command line,
 * because the JVM's defaults are fixed at start-up and some libraries cache them.
 *
 * <p>The content is the embedded example plus digests that touch what once varied: a front-matter
 * key with an upper-case I ({@code TITLE:} became {@code tıtle} in Turkish and was ignored), a
 * line long enough for a warning that prints a thousands-grouped number, and a file name with
 * an invisible character, which a warning prints as a {@code \\uXXXX} code.
 */
class LocaleIndependenceTest {

    /** JVM options per variant; the reference build runs with none. */
    private static final Map<String, List<String>> VARIANTS = new TreeMap<>(Map.of(
            "tr", List.of("-Duser.language=tr", "-Duser.country=TR"),
            "ar-EG", List.of("-Duser.language=ar", "-Duser.country=EG"),
            "de", List.of("-Duser.language=de", "-Duser.country=DE"),
            "fr", List.of("-Duser.language=fr", "-Duser.country=FR"),
            "zh-CN", List.of("-Duser.language=zh", "-Duser.country=CN"),
            "fa-IR, Asia/Tehran, latin-1", List.of("-Duser.language=fa", "-Duser.country=IR",
                    "-Duser.timezone=Asia/Tehran", "-Dfile.encoding=ISO-8859-1"),
            "en-US, Pacific/Kiritimati", List.of("-Duser.language=en", "-Duser.country=US",
                    "-Duser.timezone=Pacific/Kiritimati")));

    @TempDir
    static Path dir;

    static Path content;

    @BeforeAll
    static void content() throws IOException {
        content = dir.resolve("content");
        FileTree.copyTree(Path.of("content"), content);
        String sample = Files.readString(Path.of("content/econ/2024-03-08.md"), StandardCharsets.UTF_8);
        write("econ/front-matter.md", "---\nTITLE: Économie, İstanbul edition\nDATE: 2024-03-09\n---\n" + sample);
        String longLine = "| [^1] | [Long](https://arxiv.org/abs/2403.09999) | " + "长".repeat(120_000) + " |\n";
        write("q-fin/2024-03-09.md", "# 摘要\n\n| Ref | Title | Summary |\n| --- | --- | --- |\n" + longLine);
        write("cs.CL/2024-03-09.md", sample.replaceFirst("本文", "本\u0007文"));
        write("cs.SE/bell\u0007.md", sample);
    }

    private static void write(String name, String text) throws IOException {
        Path f = content.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    @Test
    void everyLocaleTimeZoneAndEncodingBuildsTheSameBytesAndMessages() throws Exception {
        Build reference = build("reference", List.of());
        assertThat(reference.tree()).as("the reference build wrote a site").containsKey("index.html").hasSizeGreaterThan(100);
        assertThat(reference.messages())
                .as("the content exercises the locale-sensitive messages")
                .anyMatch(m -> m.contains(": warning: ") && m.contains("120,"))
                .anyMatch(m -> m.contains("\\u0007"));
        assertThat(reference.tree().keySet()).as("TITLE: was read as the title key")
                .anyMatch(p -> p.startsWith("digests/econ/2024-03-09"));
        assertThat(new String(reference.tree().get("digests/econ/2024-03-09/index.html"), StandardCharsets.UTF_8))
                .contains("İstanbul edition");

        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, List<String>> v : VARIANTS.entrySet()) {
            Build b = build(v.getKey(), v.getValue());
            if (b.exit() != reference.exit()) {
                differences.add(v.getKey() + ": exit " + b.exit() + " instead of " + reference.exit() + "\n" + b.log());
                continue;
            }
            if (!b.messages().equals(reference.messages())) {
                differences.add(v.getKey() + ": messages differ:\n" + String.join("\n", b.messages()));
            }
            differences.addAll(treeDifferences(v.getKey(), reference.tree(), b.tree()));
        }
        assertThat(differences).isEmpty();
    }

    private static List<String> treeDifferences(String variant, Map<String, byte[]> expected, Map<String, byte[]> actual) {
        List<String> out = new ArrayList<>();
        if (!expected.keySet().equals(actual.keySet())) {
            out.add(variant + ": the file lists differ");
        }
        expected.forEach((path, bytes) -> {
            byte[] other = actual.get(path);
            if (other != null && !Arrays.equals(bytes, other)) {
                out.add(variant + ": " + path + " differs");
            }
        });
        return out.size() > 20 ? out.subList(0, 20) : out;
    }

    record Build(int exit, String log, List<String> messages, Map<String, byte[]> tree) {}

    private static Build build(String name, List<String> jvmOptions) throws Exception {
        Path out = dir.resolve("site-" + name.replaceAll("[^A-Za-z0-9-]", "_"));
        Path log = dir.resolve(out.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "paperbake.cli.Main",
                "build", "--content", content.toString(), "--output", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(name + " finished").isTrue();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return new Build(p.exitValue(), text, messages(text), tree(out));
    }

    /** What the build printed, with timings and this variant's folder blanked out. */
    private static List<String> messages(String log) {
        return log.lines()
                .filter(l -> !l.startsWith("  stages:") && !l.startsWith("  site: "))
                .map(l -> l.replaceFirst("^Built in [0-9.]+ s", "Built in _ s").replaceFirst(", \\d+ ms \\(.*\\)$", "")
                        .replaceFirst("^([a-z]+: .*) in [0-9.]+ s$", "$1 in _ s"))
                .toList();
    }

    private static Map<String, byte[]> tree(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
