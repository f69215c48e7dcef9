package paperbake.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** theme.js makes the theme and language pickers and the header's search box itself, with its own copy of their words: they must be Labels'. */
class ThemeScriptTest {

    @Test
    void thePickersAndSearchBoxWordsInThemeJsAreTheLabels() throws IOException {
        String js = Files.readString(Path.of("assets/js/theme.js"));
        Matcher m = Pattern.compile("(\\w+): \\{ zh: '([^']*)', en: '([^']*)' \\}").matcher(js);
        Map<String, Labels.Label> words = new LinkedHashMap<>();
        while (m.find()) {
            words.put(m.group(1), new Labels.Label(m.group(2), m.group(3)));
        }
        Map<String, Labels.Label> ui = Labels.all();
        assertThat(words).containsOnly(
                Map.entry("search", ui.get("searchPapers")),
                Map.entry("theme", ui.get("theme")),
                Map.entry("language", ui.get("language")),
                Map.entry("system", ui.get("themeSystem")),
                Map.entry("light", ui.get("themeLight")),
                Map.entry("dark", ui.get("themeDark")));
    }
}
