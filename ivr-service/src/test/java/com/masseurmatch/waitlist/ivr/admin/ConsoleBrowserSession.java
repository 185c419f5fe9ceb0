package com.masseurmatch.waitlist.ivr.admin;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A Chromium per test on the console under test, and the steps the browser checks share: sign in,
 * submit a form and wait for the next page, measure a chart's drawn pixels.
 */
abstract class ConsoleBrowserSession {

  @TestHTTPResource("/")
  URL base;

  ConsoleBrowser browser;
  ChromeDriver driver;

  /** Letters only: the tag goes into names, which may not contain digits. */
  final String tag =
      UUID.randomUUID()
          .toString()
          .substring(0, 8)
          .chars()
          .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + c - '0' : c)))
          .reduce("b", String::concat);

  @BeforeEach
  void openBrowser() throws Exception {
    browser = ConsoleBrowser.start();
    driver = browser.driver();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  long drawnPixels() {
    Object n =
        driver.executeScript(
            "var total = 0;"
                + "document.querySelectorAll('canvas[data-chart]').forEach(function (c) {"
                + "  if (!window.Chart || !Chart.getChart(c)) { return; }"
                + "  var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "  for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { total++; } }"
                + "});"
                + "return total;");
    return ((Number) n).longValue();
  }

  void signIn(String operator) {
    browser.signIn(operator);
  }

  /** Submits the form and waits until the browser has left the page it was on. */
  void submit(String action) {
    browser.submit(action);
  }

  String url(String path) {
    return base.toString().replaceAll("/$", "") + path;
  }
}
