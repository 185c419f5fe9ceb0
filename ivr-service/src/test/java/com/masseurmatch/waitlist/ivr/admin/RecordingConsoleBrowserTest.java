package com.masseurmatch.waitlist.ivr.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.admin.ConsoleTwilioFake.InjectTwilio;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.analysis.CallAnalysis;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.recording.Consent;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
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
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The call page's recording and analysis, the follow-up queue and the sentiment chart in a real
 * browser: the audio plays through the console, never from Twilio's URL.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsoleTwilioFake.class, restrictToAnnotatedClass = true)
class RecordingConsoleBrowserTest {

  @TestHTTPResource("/")
  URL base;

  @InjectTwilio ConsoleTwilioFake twilio;
  @Inject CallRecordStore calls;
  @Inject RecordingStore recordings;
  @Inject AnalysisStore analysis;

  private ConsoleBrowser browser;
  private ChromeDriver driver;

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

  private String url(String path) {
    return base.toString().replaceAll("/$", "") + path;
  }

  @Test
  void theCallPageThePlaybackTheFollowUpQueueAndTheSentimentChart() throws Exception {
    String hex = UUID.randomUUID().toString().replace("-", "");
    String callSid = "CA" + hex;
    String recordingSid = "RE" + hex;
    Instant at = Instant.now().minusSeconds(900);
    calls.upsert(
        CallRecord.of(callSid)
            .withFrom("+14155550191")
            .withStartedAt(at)
            .withEndedAt(at.plusSeconds(120))
            .withPath(CallPath.REALTIME)
            .withOutcome(CallOutcome.ABANDONED)
            .withTranscript(List.of(new TranscriptTurn("caller", "How much does it cost?", at))));
    Consent consent = new Consent(Consent.GIVEN, "speech", at.plusSeconds(5));
    recordings.consent(callSid, consent);
    recordings.started(recordings.requested(callSid, consent), recordingSid, "completed", 2);
    analysis.save(
        callSid,
        new CallAnalysis(
            "The caller asked about prices. They hung up before signing up.",
            -0.25,
            2,
            "declined",
            true,
            "Asked about prices " + hex,
            "en"),
        "gpt-4o-mini",
        Map.of("total_tokens", 500L),
        new BigDecimal("0.0002"));
    byte[] mp3 = new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, 1, 2, 3};
    twilio.recording(recordingSid, mp3);

    driver.get(url("/admin/login"));
    browser.signIn("Olive Ops");

    driver.get(url("/admin/calls/" + callSid));
    String panel = driver.findElement(By.id("recording-analysis")).getText();
    assertTrue(panel.contains("Consent: given by speech"), panel);
    assertTrue(panel.contains("The caller asked about prices."), panel);
    assertTrue(panel.contains("Follow up\nyes: Asked about prices " + hex), panel);
    String src =
        driver.findElement(By.cssSelector("#recording-analysis audio")).getAttribute("src");
    assertEquals(url("/admin/calls/" + callSid + "/recordings/" + recordingSid + ".mp3"), src);
    Object fetched =
        driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(function (r) { return r.arrayBuffer().then("
                + "function (b) { done(r.status + ':' + r.headers.get('content-type') + ':'"
                + " + b.byteLength); }); });",
            src);
    assertEquals("200:audio/mpeg:" + mp3.length, fetched);
    assertTrue(
        twilio.requests().stream()
            .anyMatch(r -> r.contains("/Recordings/" + recordingSid + ".mp3 Basic ")),
        twilio.requests().toString());

    driver.get(url("/admin/follow-up"));
    String queue = driver.findElement(By.id("follow-up")).getText();
    assertTrue(queue.contains(callSid) && queue.contains("Asked about prices " + hex), queue);

    driver.get(url("/admin/analytics?days=7"));
    await().atMost(Duration.ofSeconds(10)).until(() -> sentimentPixels() > 0);
    String chart = driver.findElement(By.id("sentiment-chart")).getAttribute("data-chart");
    assertTrue(chart.contains("Average sentiment") && chart.contains("-0.25"), chart);

    String origin = url("");
    List<String> elsewhere =
        browser.requestedUrls().stream()
            .filter(u -> !u.startsWith(origin + "/") && !u.startsWith("data:"))
            .toList();
    assertEquals(List.of(), elsewhere);
  }

  private long sentimentPixels() {
    Object n =
        driver.executeScript(
            "var c = document.getElementById('sentiment-chart');"
                + "if (!c || !window.Chart || !Chart.getChart(c)) { return 0; }"
                + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "var total = 0; for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { total++; } }"
                + "return total;");
    return ((Number) n).longValue();
  }
}
