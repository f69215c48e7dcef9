package paperbake.hostile;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import paperbake.cli.Main;

/** Runs the real command line in this JVM and keeps what it printed. */
record Cli(int exit, String out, String err) {

    /* System.out/err are swapped for the call, so tests using this must not run concurrently. */
    static synchronized Cli run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            int exit = Main.run(args);
            return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * The command line in a JVM of its own, started in {@code workingDir}: for a build that is to be
     * killed, or that must see a working folder other than the repository's.
     */
    static ProcessBuilder separateJvm(Path workingDir, List<String> jvmOptions, String... args) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", classPath));
        command.addAll(jvmOptions);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
    }

    /** The diagnostics: lines shaped {@code file:line: note|warning|error: message}. */
    List<String> diagnostics() {
        return Arrays.stream(err.split("\n")).filter(l -> l.matches("^.+?:(\\d+:)? (note|warning|error): .*")).toList();
    }

    /** The reconciliation numbers from the summary: read, published, skipped. */
    int[] reconciliation() {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("entries read (\\d+) = published (\\d+) \\+ skipped (\\d+)").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no reconciliation line in:\n" + out);
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }
}
