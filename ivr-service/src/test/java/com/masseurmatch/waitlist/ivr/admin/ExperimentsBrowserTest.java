package com.masseurmatch.waitlist.ivr.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.ExperimentStore;
import com.masseurmatch.waitlist.model.experiment.Variant;
import com.masseurmatch.waitlist.model.experiment.VariantSettings;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The console's experiments page in Chromium: the results table, the chart, start and stop. */
@QuarkusTest
class ExperimentsBrowserTest {

  @TestHTTPResource("/")
  URL base;

  @Inject ExperimentStore experiments;
  @Inject CallRecordStore calls;

  private ConsoleBrowser browser;
  private ChromeDriver driver;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = ConsoleBrowser.start();
    driver = browser.driver();
  }

  @AfterEach
  void closeBrowser() {
    experiments.running().forEach(e -> experiments.stop(e.id()));
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theResultsTableAndTheIntervalChartAreShownAndTheExperimentStartsAndStops() {
    Experiment experiment =
        experiments.create(
            "voices " + UUID.randomUUID(),
            null,
            List.of(
                new Variant(
                    "control",
                    50,
                    VariantSettings.parse("", Map.of("voice", "marin")),
                    false,
                    null),
                new Variant(
                    "cedar",
                    50,
                    VariantSettings.parse("", Map.of("voice", "cedar")),
                    false,
                    null)));
    Instant start = Instant.parse("2026-12-06T12:00:00Z");
    for (int i = 0; i < 8; i++) {
      calls.upsert(
          CallRecord.of("CA" + UUID.randomUUID().toString().replace("-", ""))
              .withStartedAt(start)
              .withEndedAt(start.plusSeconds(60))
              // control's four calls all sign up, cedar's four all hang up
              .withOutcome(i % 2 == 0 ? CallOutcome.SIGNED_UP : CallOutcome.ABANDONED)
              .withVariant(experiment.id(), i % 2 == 0 ? "control" : "cedar"));
    }
    driver.get(url("/admin/login?next=%2Fadmin%2Fexperiments"));
    browser.signIn("Olive Ops");
    assertTrue(driver.getCurrentUrl().endsWith("/admin/experiments"), driver.getCurrentUrl());
    browser.clickAway(driver.findElement(By.linkText(experiment.name())));

    List<WebElement> rows = driver.findElements(By.cssSelector("#results tbody tr"));
    assertEquals(2, rows.size());
    String control = rows.get(0).getText();
    assertTrue(control.startsWith("control (control)"), control);
    assertTrue(control.contains("100.0%"), control);
    String cedar = rows.get(1).getText();
    assertTrue(cedar.contains("0.0%"), cedar);
    assertTrue(cedar.contains("-100.0 pts"), cedar);
    assertTrue(
        driver.findElement(By.id("verdict")).getText().contains("not enough calls yet"),
        driver.findElement(By.id("verdict")).getText());
    await().atMost(Duration.ofSeconds(10)).until(() -> drawnPixels() > 0);

    browser.submit("/admin/experiments/" + experiment.id() + "/start");
    assertEquals("running", driver.findElement(By.id("status")).getText());
    assertTrue(experiments.find(experiment.id()).orElseThrow().running());
    browser.submit("/admin/experiments/" + experiment.id() + "/stop");
    assertEquals("stopped", driver.findElement(By.id("status")).getText());
    assertEquals(Experiment.STOPPED, experiments.find(experiment.id()).orElseThrow().status());
  }

  private long drawnPixels() {
    Object n =
        driver.executeScript(
            "var c = document.getElementById('rates-chart');"
                + "if (!window.Chart || !Chart.getChart(c)) { return 0; }"
                + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "var total = 0; for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { total++; } }"
                + "return total;");
    return ((Number) n).longValue();
  }

  private String url(String path) {
    return base.toString().replaceAll("/$", "") + path;
  }
}
