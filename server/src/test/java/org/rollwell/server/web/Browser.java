package org.rollwell.server.web;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver (issue 12). Without both commands on
 * the PATH the browser tests are skipped with a message saying how to enable them, or fail where
 * {@value #REQUIRE}=1 (CI, like ROLLWELL_REQUIRE_PG for PostgreSQL).
 */
final class Browser implements AutoCloseable {
    static final String REQUIRE = "ROLLWELL_REQUIRE_BROWSER";
    /** The two sizes the issue names: a phone (390×844) and a desktop (1366×768). */
    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension DESKTOP = new Dimension(1366, 768);
    /**
     * Where the screenshots go: the reactor root's app/target/screenshots, the place issue 12 names, found
     * from this module's basedir (surefire sets it; the working directory is the module when it does not).
     */
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath().getParent().resolve(Path.of("app", "target", "screenshots"));
    /** axe-core's rule tags for WCAG 2.1 A and AA, the level the issue asks for. */
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts a headless Chromium at the phone size, or skips (fails under {@value #REQUIRE}=1) without one. */
    static Browser start() {
        Optional<Path> chromium = onPath("chromium").or(() -> onPath("chromium-browser"));
        Optional<Path> chromedriver = onPath("chromedriver");
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String why = "[web] browser tests skipped: no " + (chromium.isEmpty() ? "chromium" : "chromedriver")
                    + " on the PATH. Enable them with: apt-get install chromium chromium-driver";
            if ("1".equals(System.getenv(REQUIRE))) {
                fail(REQUIRE + "=1 but " + why);
            }
            System.out.println(why);
            assumeTrue(false, why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=en-GB", "--window-size=390,844", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable).findFirst();
    }

    /** Sets the viewport itself to {@code d} (a window size would include the browser's own frame). */
    void size(Dimension d) {
        driver.manage().window().setSize(new Dimension(d.width + 20, d.height + 160));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", d.width, "height", d.height, "deviceScaleFactor", 1, "mobile", d.equals(PHONE)));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is now,
     * one line each ("rule: target…"); empty when there are none.
     */
    List<String> seriousViolations() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check the page: " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(Browser::describe).toList();
    }

    private static String describe(Rule r) {
        return r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " at "
                + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
    }

    /** Saves the page as it is now, at both sizes, as NAME-phone.png and NAME-desktop.png; leaves it at phone size. */
    void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (var size : List.of(DESKTOP, PHONE)) {
                size(size);
                js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
                byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOTS.resolve(name + (size == PHONE ? "-phone.png" : "-desktop.png")), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
