package paperbake.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import paperbake.write.Folders;

/**
 * Debian's headless Chromium through Debian's chromedriver, for every browser test and the search
 * benchmark. Both paths are explicit, so Selenium Manager never looks for (or downloads) a browser.
 */
public final class Chromium {

    public static final Path BINARY = Path.of(System.getProperty("paperbake.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("paperbake.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {}

    /** Skips the calling test where Chromium is missing (fails it under CI). */
    public static void require() {
        Required.present(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
    }

    /**
     * A fresh browser with an empty profile. A dialog is left open rather than dismissed, so a
     * test can see that a payload opened one, and the console is recorded, so CSP violations can
     * be read back. The flags keep Chromium off the network: this machine has none to offer.
     */
    public static ChromeDriver start() {
        require();
        Path profile;
        try {
            profile = Files.createTempDirectory("paperbake-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900", "--user-data-dir=" + profile);
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ProfiledDriver(service, options, profile);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Removes its throwaway profile (several MB) when it quits, so test runs leave no trace in /tmp. */
    private static final class ProfiledDriver extends ChromeDriver {
        private final Path profile;

        ProfiledDriver(ChromeDriverService service, ChromeOptions options, Path profile) {
            super(service, options);
            this.profile = profile;
        }

        @Override
        public void quit() {
            super.quit();
            try {
                Folders.deleteTree(profile);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the browser profile " + profile, e);
            }
        }
    }
}
