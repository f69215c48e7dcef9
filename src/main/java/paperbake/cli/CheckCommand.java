package paperbake.cli;

import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.Callable;
import paperbake.Bake;
import paperbake.render.JBakeOven;
import paperbake.report.Counts;
import paperbake.report.StageTimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Validates a content folder without writing a site, with the same messages as build.",
            "Exit status: 0 fine (or only warnings without --strict), 1 errors (or warnings with --strict), 2 folder missing."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    ContentOptions input;

    @Override
    public Integer call() {
        if (!Files.isDirectory(input.content)) {
            System.err.println("paperbake: content folder not found: " + input.content.toAbsolutePath());
            return Diagnostics.FAILED;
        }
        Bake.Checked checked = new Bake(input.reader(Clock.systemUTC()), new JBakeOven()).check(input.content, new StageTimes());
        Diagnostics.print(checked.diagnostics(), System.err);
        System.out.printf("Checked %s: %s; %s%n", Counts.of(checked.archive().digests().size(), "digest"),
                Counts.of(checked.archive().papers().size(), "distinct paper"), checked.reconciliation());
        return Diagnostics.exitStatus(checked.diagnostics(), input.strict);
    }
}
