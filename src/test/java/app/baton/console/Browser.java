package app.baton.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven by Selenium, at a laptop's 1366x768, for the console journeys:
 * log in, open pages, check each page with axe-core, keep screenshots in target/screenshots.
 * The flags keep Chromium from reaching out to the network (closed on CI) and from sharing a profile.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("BATON_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("BATON_CHROMEDRIVER", "/usr/bin/chromedriver"));
    public static final String MISSING = "the browser tests need Chromium and its driver: apt-get install -y chromium chromium-driver "
            + "(.ci/run installs them), or set BATON_CHROMIUM and BATON_CHROMEDRIVER";
    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    public static final Path DOWNLOADS = Path.of("target/browser-downloads").toAbsolutePath();
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    public static boolean available() {
        boolean found = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!found) {
            System.err.println("Skipping the browser tests: " + MISSING);
        }
        return found;
    }

    public Browser(int port) throws IOException {
        this.base = "http://localhost:" + port;
        this.profile = Files.createTempDirectory("baton-chromium-");
        Files.createDirectories(DOWNLOADS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,768");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public void logIn(String user, String password) {
        open("/login");
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("button[type=submit]").click();
        waitFor(d -> path().startsWith("/console"));
    }

    public void logOut() {
        find("header form button").click();
        waitFor(d -> path().startsWith("/login"));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** The notice a page shows after a step succeeded, waiting for the page that shows it. */
    public String notice() {
        return waitFor(d -> all(".page-notice").isEmpty() ? null : text(".page-notice"));
    }

    /**
     * Clicks what loads another page (a link, a form's submit button) and waits until that page has
     * replaced this one, so the next look at the page is not at the old one.
     */
    public void clickToLoad(String css) {
        loaded();
        clickToLoad(find(css));
    }

    public void clickToLoad(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            try {
                page.getTagName();
                return false;
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                // Chromium's wording when the node's document was replaced under the check
                return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
            }
        });
        loaded();
    }

    /** Waits until the current document has finished loading. */
    public void loaded() {
        waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Runs axe-core on the page and fails on any serious or critical violation, naming rule and elements. */
    public void checkAccessibility() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })))))
                   .catch(e => done(JSON.stringify([{ id: 'axe-failed', help: String(e) }])));
                """);
        try {
            JsonNode violations = new ObjectMapper().readTree(String.valueOf(result));
            assertThat(violations).as("serious or critical accessibility violations on " + path() + ": " + violations).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a screenshot of the whole page, 1366 pixels wide, as target/screenshots/{name}.png. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        // the whole page, not only the 768 pixels in view: grow the window to the page's height for the shot
        long height = ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1366, (int) Math.min(Math.max(height + 140, 768), 6000)));
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 768));
        }
        return file;
    }

    /**
     * Lays the page out at width x height, saves a screenshot of what is in view as
     * target/screenshots/{name}-{width}x{height}.png, and returns each table wider than its container
     * (the container would scroll sideways) and the page itself when it is wider than the window.
     */
    public List<String> layoutAt(String name, int width, int height) throws IOException {
        driver.manage().window().setSize(new Dimension(width, height));
        try {
            // the charts redraw on resize
            ((JavascriptExecutor) driver).executeScript("window.dispatchEvent(new Event('resize'))");
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + "-" + width + "x" + height + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            @SuppressWarnings("unchecked")
            List<String> wide = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                    var wide = [];
                    document.querySelectorAll('main table').forEach(function (t) {
                      var box = t.parentElement;
                      if (t.scrollWidth > box.clientWidth + 1) {
                        wide.push((t.id || t.className || 'table') + ': ' + t.scrollWidth + ' > ' + box.clientWidth);
                      }
                    });
                    var page = document.documentElement;
                    if (page.scrollWidth > page.clientWidth + 1) {
                      wide.push('page: ' + page.scrollWidth + ' > ' + page.clientWidth);
                    }
                    return wide;""");
            return wide;
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 768));
        }
    }

    /**
     * Why a chart's category labels could lie over one another, or nothing: its categories must be on the
     * vertical axis (one name per line, read across) with at least 20 pixels of height per row, and every
     * row of its table drawn.
     */
    public List<String> overlappingLabels(String chartId) {
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                var element = document.getElementById(arguments[0]);
                var option = echarts.getInstanceByDom(element).getOption();
                var rows = document.querySelectorAll('#' + element.getAttribute('data-table') + ' tbody tr').length;
                var out = [];
                var axis = option.yAxis[0];
                if (axis.type !== 'category') {
                  out.push('the categories are along the x axis, where long names meet');
                } else {
                  if ((axis.data || []).length !== rows) {
                    out.push((axis.data || []).length + ' labels for ' + rows + ' rows');
                  }
                  if (axis.axisLabel.interval !== 0) {
                    out.push('labels may be skipped');
                  }
                  var perRow = (element.clientHeight - 90) / Math.max(1, rows);
                  if (perRow < 20) {
                    out.push(perRow + ' px per row');
                  }
                }
                return out;""", chartId);
        return problems;
    }

    /** Waits for a download whose name starts with {@code prefix} to finish, and returns its text. */
    public String downloaded(String prefix) {
        return waitFor(d -> {
            File[] files = DOWNLOADS.toFile().listFiles((dir, name) -> name.startsWith(prefix) && !name.endsWith(".crdownload"));
            if (files == null || files.length == 0) {
                return null;
            }
            // Chromium reserves the final name with an empty file while it writes the download to a .crdownload
            // beside it: until that is renamed over it, there is nothing to read yet
            File[] inProgress = DOWNLOADS.toFile().listFiles((dir, name) -> name.endsWith(".crdownload"));
            if (inProgress != null && inProgress.length > 0) {
                return null;
            }
            try {
                String text = Files.readString(files[0].toPath(), StandardCharsets.UTF_8);
                return text.isEmpty() ? null : text;
            } catch (IOException e) {
                return null;
            }
        });
    }

    public static void clearDownloads() throws IOException {
        if (Files.isDirectory(DOWNLOADS)) {
            List<Path> files = new ArrayList<>();
            try (var listing = Files.list(DOWNLOADS)) {
                listing.forEach(files::add);
            }
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var walk = Files.walk(profile)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
