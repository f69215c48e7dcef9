package paperbake.render;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import paperbake.write.Folders;

/**
 * A JBake project folder holding {@code templates/} and {@code assets/}: one the user gave, or
 * the theme bundled with Paperbake, so that {@code java -jar paperbake.jar build} works from any
 * directory.
 */
public record Theme(Path dir) {

    static final String BUNDLED = "paperbake-theme";

    /**
     * The theme folder a build uses, before anything is unpacked: the one given; else the content
     * folder's project folder when it carries a theme explicitly ({@code templates/} beside a
     * {@code jbake.properties}); else null, for the bundled theme. A {@code templates/} folder that
     * merely happens to be in the working folder is someone else's and is not used.
     */
    public static Path folderFor(Path given, Path content) {
        if (given != null) {
            return given;
        }
        Path project = content.toAbsolutePath().normalize().getParent();
        if (project != null && Files.isDirectory(project.resolve("templates"))
                && Files.isRegularFile(project.resolve("jbake.properties"))) {
            return project;
        }
        return null;
    }

    /** The folders of a theme that a build reads: its output must never replace them. */
    public static List<Path> sources(Path folder) {
        return List.of(folder.resolve("templates"), folder.resolve("assets"));
    }

    /**
     * @param folder  from {@link #folderFor}; null for the bundled theme
     * @param scratch where the bundled theme is unpacked when it sits in a jar; the caller removes it
     */
    public static Theme locate(Path folder, Path scratch) throws IOException {
        if (folder == null) {
            return bundled(Theme.class.getClassLoader(), scratch);
        }
        if (!Files.isDirectory(folder.resolve("templates"))) {
            throw new IOException("the theme folder " + folder + " has no templates/ folder");
        }
        return new Theme(folder);
    }

    /** Used where it lies when it is a folder (running from classes); unpacked into {@code scratch} from a jar. */
    static Theme bundled(ClassLoader loader, Path scratch) throws IOException {
        URL marker = loader.getResource(BUNDLED + "/templates/layout.ftl");
        if (marker == null) {
            throw new IOException("the bundled theme is missing from the classpath (" + BUNDLED + ")");
        }
        URI uri;
        try {
            uri = marker.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (!"jar".equals(uri.getScheme())) {
            return new Theme(Path.of(uri).getParent().getParent());
        }
        Path target = scratch.resolve(BUNDLED);
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            Folders.copyTree(jar.getPath("/" + BUNDLED), target);
        }
        return new Theme(target);
    }
}
