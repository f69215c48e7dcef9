package paperbake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar paperbake.jar <command>}. */
@Command(name = "paperbake",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Bakes a folder of arXiv digest Markdown into a static, searchable website.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, ImportCommand.class,
                InitCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"paperbake " + (v == null ? "(development build)" : v)};
        }
    }
}
