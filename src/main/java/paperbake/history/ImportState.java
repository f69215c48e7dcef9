package paperbake.history;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Where the last import stopped, kept in the content folder as {@value #FILE_NAME} (hidden, so
 * build never reads it as a digest).
 *
 * @param ref   the branch read
 * @param zone  the time zone days were cut in; another zone means other days, so a full read
 * @param files per repository file, the last commit read: the next run walks only newer commits,
 *              and a commit the branch no longer reaches means the history was rewritten
 * @param days  per written {@code <channel>/<date>.md}, the commit it came from and the SHA-256 of
 *              the bytes written: a file whose bytes differ was edited by someone and is never overwritten
 */
public record ImportState(String ref, String zone, Map<String, String> files, Map<String, Day> days) {

    public static final String FILE_NAME = ".paperbake-import.yml";

    public record Day(String commit, String sha256) {}

    public ImportState {
        files = Map.copyOf(files);
        days = Map.copyOf(days);
    }

    public static ImportState empty() {
        return new ImportState(null, null, Map.of(), Map.of());
    }

    /** The state in {@code content}, or {@link #empty()} when there is none. */
    public static ImportState read(Path content) throws IOException {
        Path file = content.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        Object doc;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a readable import state (" + e.getMessage() + ")", e);
        }
        if (!(doc instanceof Map<?, ?> root) || !Integer.valueOf(1).equals(root.get("version"))) {
            throw new IOException(file + ": not an import state of version 1");
        }
        Map<String, String> files = new TreeMap<>();
        map(root.get("files")).forEach((k, v) -> files.put(String.valueOf(k), String.valueOf(v)));
        Map<String, Day> days = new TreeMap<>();
        map(root.get("days")).forEach((k, v) -> {
            Map<?, ?> d = map(v);
            days.put(String.valueOf(k), new Day(String.valueOf(d.get("commit")), String.valueOf(d.get("sha256"))));
        });
        return new ImportState(string(root.get("ref")), string(root.get("timezone")), files, days);
    }

    /** Written to a temporary file and moved over the old state, so an interrupted write never leaves half a state. */
    public void write(Path content) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("ref", ref);
        root.put("timezone", zone);
        root.put("files", new TreeMap<>(files));
        Map<String, Object> dayMap = new TreeMap<>();
        days.forEach((k, d) -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("commit", d.commit());
            m.put("sha256", d.sha256());
            dayMap.put(k, m);
        });
        root.put("days", dayMap);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(200);
        String text = "# Written by `paperbake import`: the last commit read per file, and each day it wrote.\n"
                + "# Delete this file to read the whole history again (days already here are kept).\n"
                + new Yaml(options).dump(root);
        Path tmp = content.resolve(FILE_NAME + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, content.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String string(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
