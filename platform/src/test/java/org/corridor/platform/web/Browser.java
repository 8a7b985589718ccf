package org.corridor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's Chromium, headless, through its ChromeDriver (both from {@code .ci/run}), with a
 * profile of its own (so its own cookies). Screenshots go to {@code target/web-journeys/}; {@link #axe} runs axe-core
 * on the current page and fails on serious or critical violations.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("corridor.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("corridor.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path SHOTS = Path.of("target", "web-journeys");

    public final ChromeDriver driver;
    private final String journey;
    private int shots;

    public Browser(String journey, Path profile, String language) throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and ChromeDriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                        + ": apt-get install -y chromium chromium-driver (.ci/run does this)")
                .isTrue();
        this.journey = journey;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1100", "--lang=" + language, "--user-data-dir=" + Files.createDirectories(profile));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
    }

    /** Opens the web app and logs in on the login service's form, landing on the person's start page. */
    void login(String webUrl, String user, String password) {
        driver.get(webUrl + "/");
        waitFor(By.id("username"));
        axe("login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(webUrl));
        waitFor(By.cssSelector("header.top .who"));
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Saves a screenshot as {@code target/web-journeys/<journey>-<n>-<name>.png}. */
    public Path shot(String name) throws IOException {
        Path file = SHOTS.resolve(journey + "-" + (++shots) + "-" + name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** axe-core on the current page: no serious or critical violation. */
    public void axe(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> bad = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at " + r.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertThat(bad).as("axe-core on " + page + " (" + driver.getCurrentUrl() + ")").isEmpty();
    }

    /** No script ran from agency text: no dialog open, and the marker the payloads would set is unset. */
    void assertNoInjectedScript() {
        try {
            driver.switchTo().alert();
            throw new AssertionError("a dialog opened on " + driver.getCurrentUrl() + ": agency text ran as script");
        } catch (NoAlertPresentException expected) {
            // as it should be
        }
        assertThat(driver.executeScript("return window.__corridorXss === undefined")).isEqualTo(true);
        assertThat(driver.findElements(By.id("injected"))).as("an element from agency text").isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
