package paperbake.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a browser, the shared corpus). On a developer's machine a
 * missing piece skips the test; under CI ({@code CI=true}) it fails it, because {@code .ci/run}
 * installs everything and a skipped browser test would pass a build that checked nothing.
 */
public final class Required {

    private Required() {}

    public static void present(boolean present, String what) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(what + " (required under CI)");
        }
        Assumptions.abort(what);
    }
}
