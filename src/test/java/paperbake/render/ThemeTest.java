package paperbake.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest {

    @TempDir
    Path dir;

    @Test
    void theBundledThemeInAJarIsUnpackedIntoTheGivenScratchFolderNotTheSystemTempFolder() throws IOException {
        Path jar = jar("paperbake-theme/templates/layout.ftl", "<#-- layout -->", "paperbake-theme/assets/css/site.css", "body {}");
        Path scratch = Files.createDirectories(dir.resolve(".site.work-1"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Theme theme = Theme.bundled(loader, scratch);
            assertThat(theme.dir()).startsWith(scratch);
            assertThat(theme.dir().resolve("templates/layout.ftl")).hasContent("<#-- layout -->");
            assertThat(theme.dir().resolve("assets/css/site.css")).hasContent("body {}");
        }
    }

    @Test
    void anEntryOfTheBundledThemeThatLeadsOutsideItIsRefused() throws IOException {
        Path jar = jar("paperbake-theme/templates/layout.ftl", "<#-- layout -->", "paperbake-theme/../../escaped.txt", "no");
        Path scratch = Files.createDirectories(dir.resolve("work/scratch"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Theme.bundled(loader, scratch))
                    .isInstanceOf(IOException.class).hasMessageContaining("leads outside");
        }
        assertThat(dir.resolve("work/escaped.txt")).doesNotExist();
    }

    @Test
    void theBundledThemeOnTheClassPathIsUsedWhereItLies() throws IOException {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Theme theme = Theme.bundled(Theme.class.getClassLoader(), scratch);
        assertThat(theme.dir().resolve("templates/layout.ftl")).isRegularFile();
        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void onlyAProjectFolderThatDeclaresItselfAJbakeProjectProvidesTheDefaultTheme() throws IOException {
        Path content = Files.createDirectories(dir.resolve("project/content"));
        Files.createDirectories(dir.resolve("project/templates"));
        assertThat(Theme.folderFor(null, content)).as("a templates/ folder alone").isNull();

        Files.writeString(dir.resolve("project/jbake.properties"), "");
        assertThat(Theme.folderFor(null, content)).isEqualTo(dir.resolve("project").toAbsolutePath());
        assertThat(Theme.folderFor(dir, content)).as("--theme wins").isEqualTo(dir);
    }

    /** A jar of the given entries: name, text, name, text... */
    private Path jar(String... namesAndTexts) throws IOException {
        Path jar = dir.resolve("paperbake.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                out.putNextEntry(new JarEntry(namesAndTexts[i]));
                out.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
