package paperbake.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import paperbake.Bake;
import paperbake.render.JBakeOven;
import paperbake.report.Counts;
import paperbake.report.Diagnostic;
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
    public Integer call() throws IOException {
        if (!Files.isDirectory(input.content)) {
            System.err.println("paperbake: content folder not found: " + input.content.toAbsolutePath());
            return Diagnostics.FAILED;
        }
        Bake bake = new Bake(input.reader(Clock.systemUTC()), new JBakeOven());
        Bake.Checked checked = bake.check(input.content, new StageTimes());
        List<Diagnostic> diagnostics = new ArrayList<>(checked.diagnostics());
        diagnostics.addAll(bake.checkTopics(checked, input.content));
        diagnostics.sort(Diagnostic.BY_PLACE);
        Diagnostics.print(diagnostics, System.err);
        System.out.printf("Checked %s: %s; %s%n", Counts.of(checked.archive().digests().size(), "digest"),
                Counts.of(checked.archive().papers().size(), "distinct paper"), checked.reconciliation());
        return Diagnostics.exitStatus(diagnostics, input.strict);
    }
}
