package paperbake.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * theme.js writes every label in the language the reader picks, and makes the pickers and the header's search box,
 * from its own copy of the labels: it must be Labels', key for key (UiSwitchBrowserTest checks what it writes).
 */
class ThemeScriptTest {

    @Test
    void theLabelsInThemeJsAreLabelsTable() throws IOException {
        String js = Files.readString(Path.of("assets/js/theme.js"));
        Matcher m = Pattern.compile("(\\w+): \\['([^'\\\\]*)', '([^'\\\\]*)'\\]").matcher(js);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        while (m.find()) {
            copy.put(m.group(1), List.of(m.group(2), m.group(3)));
        }
        Map<String, List<String>> labels = new LinkedHashMap<>();
        Labels.all().forEach((key, l) -> labels.put(key, List.of(l.zh(), l.en())));
        assertThat(copy).containsExactlyEntriesOf(labels);
    }

    @Test
    void aLabelWhoseTextAnotherLabelSharesIsKeyedInThatLanguageOnly() {
        Map<String, Labels.Label> ui = Labels.all();
        // 频道 is Channel and Channels; "Search" is 搜索 and 搜索论文.
        assertThat(ui.get("channel").keyed("zh")).isTrue();
        assertThat(ui.get("channels").keyed("zh")).isTrue();
        assertThat(ui.get("channel").keyed("en")).isFalse();
        assertThat(ui.get("search").keyed("en")).isTrue();
        assertThat(ui.get("search").keyed("zh")).isFalse();
        assertThat(ui.get("archive").keyed("zh")).isFalse();
        assertThat(ui.get("archive").keyed("en")).isFalse();
    }
}
