package paperbake.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import paperbake.index.LuceneIndex;
import paperbake.index.SearchIndexStats;
import paperbake.model.Archive;
import paperbake.serve.StaticServer;

/**
 * The fixture site, built once per test JVM and shared by the browser test classes (each
 * class still has its own browser). Test-only lazy holder.
 */
public final class SharedSite {

    public final Archive archive;
    public final Path root;
    public final SearchIndexStats stats;
    public final LuceneIndex lucene;
    public final StaticServer server;

    private static SharedSite instance;

    private SharedSite() throws IOException {
        archive = Fixtures.archive();
        root = Files.createTempDirectory("pb-search-site");
        stats = TestSite.build(archive, root);
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

    public String url(String path) {
        return server.uri().resolve(path).toString();
    }
}
