package paperbake.render;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import paperbake.write.Folders;

/**
 * A JBake project folder holding {@code templates/} and {@code assets/}. A folder given by the
 * user wins; otherwise the theme bundled in the jar is unpacked to a temporary folder, so that
 * {@code java -jar paperbake.jar build} works from any directory.
 */
public record Theme(Path dir, boolean temporary) implements AutoCloseable {

    static final String BUNDLED = "paperbake-theme";

    public static Theme locate(Path preferred) throws IOException {
        if (preferred != null && Files.isDirectory(preferred.resolve("templates"))) {
            return new Theme(preferred, false);
        }
        Path target = Files.createTempDirectory("paperbake-theme");
        copyBundled(target);
        return new Theme(target, true);
    }

    private static void copyBundled(Path target) throws IOException {
        URL marker = Theme.class.getClassLoader().getResource(BUNDLED + "/templates/layout.ftl");
        if (marker == null) {
            throw new IOException("the bundled theme is missing from the classpath (" + BUNDLED + ")");
        }
        URI uri;
        try {
            uri = marker.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                Folders.copyTree(jar.getPath("/" + BUNDLED), target);
            }
        } else {
            Folders.copyTree(Path.of(uri).getParent().getParent(), target);
        }
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            Folders.deleteTree(dir);
        }
    }
}
