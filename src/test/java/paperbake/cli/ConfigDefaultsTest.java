package paperbake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperbake.report.Diagnostic;
import picocli.CommandLine;

class ConfigDefaultsTest {

    @TempDir
    Path dir;

    CommandLine cli(String yaml, List<Diagnostic> problems) throws Exception {
        Path file = dir.resolve(ConfigDefaults.FILE_NAME);
        Files.writeString(file, yaml);
        CommandLine cli = new CommandLine(new Main());
        ConfigDefaults defaults = ConfigDefaults.load(file, problems);
        problems.addAll(defaults.unknown(cli));
        cli.setDefaultValueProvider(defaults);
        return cli;
    }

    @Test
    void settingsAreDefaultsThatTheCommandLineOverrides() throws Exception {
        List<Diagnostic> problems = new ArrayList<>();
        String yaml = "build:\n  title: Daily\n  base-url: /digest/\nimport:\n  files: [cs.CL.md, econ.md]\n  timezone: Asia/Shanghai\n";
        CommandLine.ParseResult build = cli(yaml, problems).parseArgs("build");
        assertThat(build.subcommand().matchedOptionValue("--title", "?")).isEqualTo("?");
        BuildCommand b = (BuildCommand) build.subcommand().commandSpec().userObject();
        assertThat(b.title).isEqualTo("Daily");
        assertThat(b.baseUrl).isEqualTo("/digest/");

        CommandLine.ParseResult imp = cli(yaml, problems).parseArgs("import", "--repo", ".", "--timezone", "UTC");
        ImportCommand i = (ImportCommand) imp.subcommand().commandSpec().userObject();
        assertThat(i.files).containsExactly("cs.CL.md", "econ.md");
        assertThat(i.timezone).as("the command line wins").isEqualTo("UTC");
        assertThat(problems).isEmpty();
    }

    @Test
    void aSettingNoCommandHasIsReportedWithItsLine() throws Exception {
        List<Diagnostic> problems = new ArrayList<>();
        cli("build:\n  title: x\n  base_url: /x/\nimprot:\n  files: a.md\n", problems);
        assertThat(problems).extracting(Diagnostic::toString).containsExactly(
                dir.resolve("paperbake.yml") + ":3: warning: build has no option --base_url; the setting is not used",
                dir.resolve("paperbake.yml") + ":5: warning: no command \"improt\"; the setting files is not used");
    }

    @Test
    void anUnreadableFileIsReportedAndIgnored() throws Exception {
        List<Diagnostic> problems = new ArrayList<>();
        CommandLine.ParseResult r = cli("build: [unclosed\n", problems).parseArgs("build");
        assertThat(problems).singleElement().satisfies(d -> assertThat(d.toString()).contains(":1: warning: cannot read the settings"));
        assertThat(((BuildCommand) r.subcommand().commandSpec().userObject()).title).isEqualTo("Paperbake");
    }
}
