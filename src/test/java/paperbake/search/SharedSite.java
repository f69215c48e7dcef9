package paperbake.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import paperbake.Bake;
import paperbake.index.LuceneIndex;
import paperbake.index.TermScores;
import paperbake.model.Archive;
import paperbake.parse.ContentReader;
import paperbake.render.JBakeOven;
import paperbake.report.BuildReport;
import paperbake.serve.StaticServer;
import paperbake.testing.FileTree;
import paperbake.write.Folders;

/**
 * A real baked site, built once per test JVM and shared by the browser test classes (each
 * class has its own browser): the repository's sample content (five channels, undated digests)
 * plus a digest of hostile text, baked by {@link Bake} with this repository's theme — so the
 * search page runs inside the real layout, under its Content-Security-Policy.
 */
public final class SharedSite {

    public final Archive archive;
    public final Path root;
    public final LuceneIndex lucene;
    public final StaticServer server;

    private static SharedSite instance;

    private SharedSite() throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        Path content = Files.createTempDirectory("pb-search-content");
        FileTree.copyTree(repo.resolve("content"), content);
        FileTree.copyTree(repo.resolve("src/test/resources/search"), content);
        Path out = Files.createTempDirectory("pb-search-out");
        root = out.resolve("site");
        // shared by every search test class of the JVM, so removed when the JVM ends, not by one class
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : List.of(content, out)) {
                try {
                    Folders.deleteTree(p);
                } catch (IOException e) {
                    System.err.println("could not delete " + p + ": " + e.getMessage());
                }
            }
        }));
        Bake bake = new Bake(new ContentReader(), new JBakeOven());
        BuildReport report = bake.build(new Bake.Options(content, root, "/", repo, "Paperbake"));
        if (!report.renderErrors().isEmpty()) {
            throw new IllegalStateException("bake failed: " + report.renderErrors());
        }
        archive = report.archive();
        lucene = LuceneIndex.build(archive);
        server = StaticServer.start(root, 0);
    }

    public static synchronized SharedSite get() {
        if (instance == null) {
            try {
                instance = new SharedSite();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Lucene's side of the parity checks, over this site's archive and manifest. */
    public ReferenceSearch reference() {
        Map<String, ReferenceSearch.Stat> stats = new HashMap<>();
        for (TermScores.Postings p : TermScores.compute(lucene)) {
            stats.put(p.term(), new ReferenceSearch.Stat(p.df(), p.scores()[0]));
        }
        return new ReferenceSearch(lucene, stats, root.resolve("search/manifest.json"));
    }

    public String url(String path) {
        return server.uri().resolve(path).toString();
    }
}
