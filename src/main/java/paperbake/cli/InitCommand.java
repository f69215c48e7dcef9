package paperbake.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "init", mixinStandardHelpOptions = true, description = "placeholder")
final class InitCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return Diagnostics.FAILED;
    }
}
