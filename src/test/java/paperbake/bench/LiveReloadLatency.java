package paperbake.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import paperbake.Bake;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;
import paperbake.report.BuildReport;
import paperbake.serve.DevServer;
import paperbake.serve.StaticServer;
import paperbake.testing.Chromium;
import paperbake.testing.FileTree;
import paperbake.write.Folders;

/**
 * Watch-to-reload latency of {@code serve --watch}: a digest is saved, and the clock stops when
 * the open page in Chromium shows the change (file event, batch, full rebuild, swap, event
 * stream, reload). Works on a copy of the content folder.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) paperbake.bench.LiveReloadLatency [content [digest [runs]]]</pre>
 */
public final class LiveReloadLatency {

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args.length > 0 ? args[0] : "content");
        String digest = args.length > 1 ? args[1] : "cs.CL/2025-08-04.md";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        Path dir = Files.createTempDirectory("paperbake-reload");
        Path content = dir.resolve("content");
        Path site = dir.resolve("site");
        FileTree.copyTree(source, content);
        Bake.Options options = new Bake.Options(content, site, "/", Path.of("."), "Paperbake");
        List<Long> builds = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        DevServer.Rebuild rebuild = () -> {
            long start = System.nanoTime();
            BuildReport report = new Bake(new ContentReader(), new JBakeOven()).build(options);
            builds.add(System.nanoTime() - start);
            stages.add(report.times().toString());
            return report.written();
        };
        rebuild.run();
        builds.clear();
        stages.clear();

        Path file = content.resolve(digest);
        String original = Files.readString(file, StandardCharsets.UTF_8);
        String page = "digests/" + digest.replaceAll("\\.md$", "") + "/";
        List<Long> latencies = new ArrayList<>();
        ChromeDriver browser = Chromium.start();
        try (DevServer dev = DevServer.start(StaticServer.Options.of(site, 0), List.of(content), rebuild, System.err)) {
            browser.get(dev.server().uri().resolve(page).toString());
            for (int run = 1; run <= runs; run++) {
                new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> dev.listening() > 0);
                String marker = "Latency run " + run;
                Files.writeString(file, "---\ntitle: " + marker + "\n---\n" + original, StandardCharsets.UTF_8);
                long saved = System.nanoTime();
                new WebDriverWait(browser, Duration.ofSeconds(300), Duration.ofMillis(20))
                        .until(d -> d.getTitle().contains(marker));
                latencies.add(System.nanoTime() - saved);
            }
            browser.get("about:blank");
        } finally {
            browser.quit();
            Files.writeString(file, original, StandardCharsets.UTF_8);
            Folders.deleteTree(dir);
        }
        System.out.println("| run | save → page shows it | of which the build | build stages |");
        System.out.println("| --- | --- | --- | --- |");
        for (int i = 0; i < latencies.size(); i++) {
            System.out.println("| " + (i + 1) + " | " + seconds(latencies.get(i)) + " | " + seconds(builds.get(i)) + " | "
                    + stages.get(i) + " |");
        }
        System.out.println("| median | " + seconds(median(latencies)) + " | " + seconds(median(builds)) + " | |");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
