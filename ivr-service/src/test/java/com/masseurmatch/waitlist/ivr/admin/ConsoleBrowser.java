package com.masseurmatch.waitlist.ivr.admin;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by its chromedriver (packages {@code chromium}, {@code chromium-driver};
 * {@code bin/ensure-chromium} installs them). Without them the browser tests are skipped with a
 * loud line, except under {@code CI=true}, where they fail.
 */
public final class ConsoleBrowser implements AutoCloseable {

  static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChromeDriver driver;
  private final Path downloads;

  private ConsoleBrowser(ChromeDriver driver, Path downloads) {
    this.driver = driver;
    this.downloads = downloads;
  }

  /** Starts a headless Chromium, or skips (fails under CI) when there is none. */
  public static ConsoleBrowser start() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      String why =
          "BROWSER TESTS NOT RUN: "
              + CHROMIUM
              + " or "
              + DRIVER
              + " is missing; run bin/ensure-chromium (apt-get install chromium chromium-driver)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      System.err.println("*".repeat(100));
      System.err.println(why);
      System.err.println("*".repeat(100));
      Assumptions.abort(why);
    }
    Path downloads = Files.createTempDirectory("console-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--window-size=1280,1000");
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    options.setExperimentalOption("prefs", prefs);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new ConsoleBrowser(new ChromeDriver(service, options), downloads);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public Path downloads() {
    return downloads;
  }

  /**
   * Clicks something that leaves the page (a link, a form's button) and waits until the page it was
   * on has gone: a click returns before the browser navigates.
   */
  public void clickAway(WebElement element) {
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.stalenessOf(element));
  }

  /** Submits the form posting to {@code action} and waits until the browser has left the page. */
  public void submit(String action) {
    clickAway(
        driver.findElement(By.cssSelector("form[action='" + action + "'] button[type=submit]")));
  }

  /** Fills in the sign-in form on the page shown and sends it. */
  public void signIn(String operator) {
    driver.findElement(By.id("operator")).sendKeys(operator);
    driver.findElement(By.id("token")).sendKeys(ConsoleLogin.TOKEN);
    clickAway(driver.findElement(By.cssSelector("main form button[type=submit]")));
  }

  /** Every URL the pages requested since the last call (from the DevTools network log). */
  public List<String> requestedUrls() throws Exception {
    List<String> urls = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = JSON.readTree(entry.getMessage()).path("message");
      if (message.path("method").asText().equals("Network.requestWillBeSent")) {
        urls.add(message.path("params").path("request").path("url").asText());
      }
    }
    return urls;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
