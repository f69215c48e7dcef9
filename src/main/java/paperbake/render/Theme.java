package paperbake.render;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

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
        try {
            if (!"jar".equals(marker.getProtocol())) {
                return new Theme(Path.of(marker.toURI()).getParent().getParent());
            }
            Path jar = Path.of(((JarURLConnection) marker.openConnection()).getJarFileURL().toURI());
            Path target = scratch.resolve(BUNDLED);
            unpack(jar, BUNDLED + "/", target);
            return new Theme(target);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /**
     * Copies the entries under {@code prefix} into {@code target}. Through {@link JarFile}, not a
     * zip {@code FileSystem}: that one builds a tree of all the jar's 25,000 entries first, 70-90 ms
     * of every build against 20-40 ms this way (docs/BENCHMARKS.md, Build).
     */
    private static void unpack(Path jar, String prefix, Path target) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (!entry.getName().startsWith(prefix)) {
                    continue;
                }
                Path out = target.resolve(entry.getName().substring(prefix.length())).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("the bundled theme's entry " + entry.getName() + " leads outside it");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        }
    }
}
