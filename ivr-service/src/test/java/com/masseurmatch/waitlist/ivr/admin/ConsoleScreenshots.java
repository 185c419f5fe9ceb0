package com.masseurmatch.waitlist.ivr.admin;

import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Not a test: {@code bin/screenshots} runs it to regenerate the pictures in {@code docs/admin/}
 * from demonstration data, with {@code -Dconsole.screenshots=<folder>}.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsoleTwilioFake.class, restrictToAnnotatedClass = true)
@EnabledIfSystemProperty(named = "console.screenshots", matches = ".+")
class ConsoleScreenshots {

  @TestHTTPResource("/")
  URL base;

  @Inject WaitlistStore waitlist;
  @Inject CallRecordStore calls;
  @Inject VoicemailStore voicemails;
  @Inject ConfirmationStore confirmations;

  @Test
  void takeScreenshots() throws Exception {
    Path out = Path.of(System.getProperty("console.screenshots")).toAbsolutePath();
    Files.createDirectories(out);
    StoredEntry first = seed();
    try (ConsoleBrowser browser = ConsoleBrowser.start()) {
      ChromeDriver driver = browser.driver();
      String origin = base.toString().replaceAll("/$", "");
      driver.get(origin + "/admin/login");
      shoot(driver, out, "login", 900);
      browser.signIn("Olive Ops");
      for (Map.Entry<String, String> page :
          Map.of(
                  "overview", "/admin",
                  "waitlist", "/admin/waitlist",
                  "entry", "/admin/waitlist/" + first.id(),
                  "calls", "/admin/calls",
                  "call", "/admin/calls/CAdemo0",
                  "voicemails", "/admin/voicemails",
                  "messages", "/admin/messages",
                  "analytics", "/admin/analytics?days=30")
              .entrySet()) {
        driver.get(origin + page.getValue());
        Thread.sleep(300); // charts draw without animation; let the layout settle for the picture
        shoot(driver, out, page.getKey(), 1400);
      }
      driver.manage().window().setSize(new Dimension(390, 844));
      driver.get(origin + "/admin/waitlist");
      shoot(driver, out, "waitlist-phone", 844);
    }
  }

  private static void shoot(ChromeDriver driver, Path out, String name, int height)
      throws Exception {
    if (driver.manage().window().getSize().getWidth() > 400) {
      driver.manage().window().setSize(new Dimension(1280, height));
    }
    Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, out.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private StoredEntry seed() {
    Random random = new Random(7);
    String[] first = {"Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "June"};
    String[] last = {"Lee", "Moss", "Ruiz", "Khan", "Diaz", "Chen", "Park", "Ward"};
    StoredEntry any = null;
    for (int i = 0; i < 40; i++) {
      String name = first[i % first.length] + " " + last[i % last.length];
      any =
          waitlist
              .upsert(
                  new WaitlistEntry(
                      name,
                      "+1415555" + String.format("%04d", 100 + i),
                      name.toLowerCase().replace(' ', '.') + i + "@example.com",
                      i % 3 == 0 ? Role.THERAPIST : Role.CLIENT,
                      Source.values()[i % Source.values().length],
                      null))
              .entry();
    }
    CallPath[] paths = {
      CallPath.REALTIME, CallPath.REALTIME, CallPath.FALLBACK, CallPath.VOICEMAIL
    };
    CallOutcome[] outcomes = {CallOutcome.SIGNED_UP, CallOutcome.ABANDONED, CallOutcome.FAILED};
    Instant now = Instant.now();
    for (int i = 0; i < 120; i++) {
      Instant start = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 28)));
      int seconds = 30 + random.nextInt(300);
      CallRecord record =
          CallRecord.of("CAdemo" + i)
              .withFrom("+1628555" + String.format("%04d", i))
              .withStartedAt(start)
              .withEndedAt(start.plusSeconds(seconds))
              .withPath(paths[i % paths.length])
              .withOutcome(outcomes[random.nextInt(outcomes.length)])
              .withUsage(
                  Map.of("input_audio_tokens", 900L + i, "output_audio_tokens", 1200L + i),
                  new BigDecimal(seconds).multiply(new BigDecimal("0.0051")));
      if (i == 0) {
        record =
            record
                .withTranscript(
                    List.of(
                        new TranscriptTurn(
                            "knotty", "Hi, I'm Knotty. Shall I add you to the waitlist?", start),
                        new TranscriptTurn(
                            "caller", "Yes please, I'm a massage therapist.", start.plusSeconds(4)),
                        new TranscriptTurn(
                            "knotty", "Lovely. What's your full name?", start.plusSeconds(7))))
                .withCollected(Map.of("role", "therapist", "full_name", "Ana Lee"));
      }
      calls.upsert(record);
    }
    voicemails.upsert(
        new Voicemail(
            null,
            "CAvm1",
            "+14155550188",
            "RE00000000000000000000000000000001",
            null,
            24,
            "Hi, this is Sam, please call me back about joining as a therapist.",
            null));
    message("demo-sms-1", any, Channel.SMS, any.phone(), MessageRecord.DELIVERED, null, null);
    message("demo-email-1", any, Channel.EMAIL, any.email(), MessageRecord.SENT, null, null);
    message(
        "demo-sms-2",
        null,
        Channel.SMS,
        "+14155550199",
        MessageRecord.FAILED,
        "21610",
        "Attempt to send to unsubscribed recipient");
    confirmations.setSmsOptOut("+14155550199", true, "STOP");
    confirmations.optOutEmail("no.more.mail@example.com");
    return any;
  }

  private void message(
      String key,
      StoredEntry entry,
      Channel channel,
      String to,
      String status,
      String errorCode,
      String error) {
    MessageRecord m =
        confirmations.beginAttempt(key, entry == null ? null : entry.id(), channel, "signup", to);
    confirmations.finish(
        m.id(), status, channel == Channel.SMS ? "SM" + key : null, errorCode, error);
  }
}
