package org.goalpost.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs). Where they are missing, the browser tests fail in CI and, on a
 * developer's machine, are skipped with the command that installs them.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of(System.getProperty("goalpost.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER =
            Path.of(System.getProperty("goalpost.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {}

    /**
     * One Chromium for a test class, started before its tests and closed after them:
     * {@code @RegisterExtension static final Browser.Session BROWSER = new Browser.Session();}.
     */
    public static final class Session implements BeforeAllCallback, AfterAllCallback {

        private ChromeDriver driver;

        public ChromeDriver driver() {
            return driver;
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            driver = start();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    public static ChromeDriver start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String message = "Chromium and ChromeDriver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.out.println("!!! BROWSER TESTS SKIPPED: " + message);
            Assumptions.abort(message);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("goalpost-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1000,1400",
                "--lang=en-US",
                "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Fails when the browser refused something the page asked for under its Content Security
     * Policy since the last call (the console's messages are drained by each call).
     */
    public static void assertNoPolicyViolations(ChromeDriver driver, String page) {
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message ->
                        message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
        org.assertj.core.api.Assertions.assertThat(violations)
                .as("Content Security Policy violations on " + page)
                .isEmpty();
    }

    /**
     * axe-core's violations on the page the browser shows (shadow roots included), as {@code "rule: target"} lines:
     * the WCAG 2.0/2.1 A and AA rules and axe's best practices. Empty means axe found nothing to fix.
     */
    public static List<String> axeViolations(ChromeDriver driver) {
        String axe;
        try (var in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core)");
            }
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        driver.executeScript(axe);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: "
                + "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                + ".then(function (r) { done(r.violations.map(function (v) {"
                + "  return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) {"
                + "    return JSON.stringify(n.target); }).join(', '); })); },"
                + " function (e) { done(['axe failed: ' + e]); });");
        return violations;
    }

    /**
     * Saves what the browser shows under {@code target/screenshots/NAME.png}, once it has checked
     * that the page broke none of its Content Security Policy (a page that shows well must also load
     * nothing the policy refuses).
     */
    public static Path screenshot(ChromeDriver driver, String name) {
        assertNoPolicyViolations(driver, name);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path taken =
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
