package paperbake.search;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through Debian's chromedriver. Both paths are explicit so Selenium
 * Manager never goes looking for (or downloading) a browser or driver.
 */
public final class Browser {

    public static final String CHROMIUM = System.getProperty("paperbake.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("paperbake.chromedriver", "/usr/bin/chromedriver");

    private Browser() {}

    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    public static ChromeDriver start() {
        try {
            Path profile = Files.createTempDirectory("pb-chromium");
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
            ChromeOptions o = new ChromeOptions();
            o.setBinary(CHROMIUM);
            o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1200,900", "--user-data-dir=" + profile);
            ChromeDriverService svc = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver d = new ChromeDriver(svc, o);
            d.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
