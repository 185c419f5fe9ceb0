package com.masseurmatch.waitlist.ivr.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.admin.session.ConsoleSessions;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import com.masseurmatch.waitlist.model.console.AuditLine;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.console.MessageSearch;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser: Debian's Chromium, headless, through Selenium. Each store runs
 * these checks in a subclass: {@link ConsoleBrowserTest} on the embedded store, {@link
 * ConsoleBrowserSupabaseTest} on Supabase's PostgREST over a real PostgreSQL.
 */
abstract class ConsoleBrowserChecks extends ConsoleBrowserSession {

  @Inject WaitlistStore waitlist;
  @Inject CallRecordStore calls;
  @Inject ConsoleStore console;
  @Inject ConfirmationStore confirmations;

  @Test
  void signInSearchEditWithAnErrorThenSuccessAndErase() {
    StoredEntry zed = add("Zed " + tag, "zed", Role.CLIENT);
    add("Other " + tag, "other", Role.THERAPIST);
    calls.upsert(
        CallRecord.of("CA" + tag)
            .withStartedAt(Instant.now().minusSeconds(300))
            .withPath(CallPath.REALTIME)
            .withOutcome(CallOutcome.SIGNED_UP)
            .withWaitlistId(zed.id())
            .withTranscript(List.of(new TranscriptTurn("caller", "I am Zed", Instant.now()))));

    driver.get(url("/admin/waitlist"));
    assertTrue(driver.getCurrentUrl().contains("/admin/login?next=%2Fadmin%2Fwaitlist"));
    signIn("Olive Ops");
    assertTrue(driver.getCurrentUrl().endsWith("/admin/waitlist"), driver.getCurrentUrl());

    driver.findElement(By.id("q")).sendKeys("zed-" + tag);
    // the live filter swaps the count in: an element found just before a swap goes stale
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> driver.findElement(By.id("result-count")).getText().equals("1 entry"));
    assertTrue(driver.getCurrentUrl().contains("q=zed-" + tag), "the live filter keeps the URL");
    browser.clickAway(driver.findElement(By.linkText("Zed " + tag)));

    WebElement email = driver.findElement(By.id("email"));
    email.clear();
    email.sendKeys("not-an-email");
    submit("/admin/waitlist/" + zed.id());
    assertEquals("true", driver.findElement(By.id("email")).getDomAttribute("aria-invalid"));
    assertFalse(driver.findElement(By.id("email-error")).getText().isBlank());
    assertEquals("zed-" + tag + "@example.com", console.entry(zed.id()).orElseThrow().email());

    email = driver.findElement(By.id("email"));
    email.clear();
    email.sendKeys("zed.new-" + tag + "@example.com");
    submit("/admin/waitlist/" + zed.id());
    assertEquals(
        List.of("Saved."),
        driver.findElements(By.cssSelector("p.notice")).stream().map(WebElement::getText).toList(),
        () -> driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("main")).getText());
    assertEquals("zed.new-" + tag + "@example.com", console.entry(zed.id()).orElseThrow().email());
    assertEquals(
        new AuditLine(null, "Olive Ops", "edit", zed.id().toString(), "email"),
        withoutTime(latestAudit(zed.id())));

    driver.findElement(By.id("reason")).sendKeys("asked by phone");
    submit("/admin/waitlist/" + zed.id() + "/erase");
    assertTrue(driver.getCurrentUrl().contains("/admin/waitlist?erased=1"));
    assertTrue(console.entry(zed.id()).isEmpty());
    assertNull(calls.find("CA" + tag).orElseThrow().transcript());
    assertEquals(
        new AuditLine(null, "Olive Ops", "erase", zed.id().toString(), "asked by phone"),
        withoutTime(latestAudit(zed.id())));
  }

  @Test
  void theCsvHoldsTheCurrentFilter() throws Exception {
    add("Tess " + tag, "tess", Role.THERAPIST);
    add("Theo " + tag, "theo", Role.THERAPIST);
    add("Cleo " + tag, "cleo", Role.CLIENT);
    driver.get(url("/admin/login"));
    signIn("Olive Ops");
    driver.get(url("/admin/waitlist?role=therapist&q=" + tag));
    assertEquals("2 entries", driver.findElement(By.id("result-count")).getText());

    driver.findElement(By.id("csv")).click();
    Path csv = browser.downloads().resolve("waitlist.csv");
    await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(csv) && Files.size(csv) > 0);
    List<String> lines = Files.readAllLines(csv);
    assertTrue(lines.get(0).startsWith("id,full_name,phone,email,role"));
    assertEquals(3, lines.size(), String.join("\n", lines));
    assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",therapist,")));
    assertTrue(lines.stream().anyMatch(l -> l.contains("Tess " + tag)));
  }

  @Test
  void chartsAreDrawnAndNoRequestGoesToAnotherOrigin() throws Exception {
    add("Chad " + tag, "chad", Role.THERAPIST);
    calls.upsert(
        CallRecord.of("CA" + tag)
            .withStartedAt(Instant.now().minusSeconds(600))
            .withEndedAt(Instant.now().minusSeconds(420))
            .withPath(CallPath.FALLBACK)
            .withOutcome(CallOutcome.SIGNED_UP)
            .withUsage(Map.of("input_tokens", 100L), new BigDecimal("0.12"))
            .withLanguage("fr"));
    driver.get(url("/admin/login"));
    signIn("Olive Ops");

    for (String page : List.of("/admin", "/admin/analytics")) {
      driver.get(url(page));
      await().atMost(Duration.ofSeconds(10)).until(() -> drawnPixels() > 0);
    }
    // the French call is counted in the conversion by language
    assertTrue(
        driver.findElements(By.xpath("//table[caption[contains(., 'each language')]]//th")).stream()
            .anyMatch(th -> th.getText().equals("Français")),
        driver.getPageSource());
    for (String page :
        List.of("/admin/waitlist", "/admin/calls", "/admin/voicemails", "/admin/messages")) {
      driver.get(url(page));
      assertFalse(driver.findElements(By.tagName("h1")).isEmpty());
    }

    String origin = base.toString().replaceAll("/$", "");
    List<String> urls = browser.requestedUrls();
    assertTrue(urls.stream().anyMatch(u -> u.contains("/webjars/chart.js/")), urls.toString());
    List<String> elsewhere =
        urls.stream().filter(u -> !u.startsWith(origin + "/") && !u.startsWith("data:")).toList();
    assertEquals(List.of(), elsewhere);
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefused() {
    StoredEntry kept = add("Kept " + tag, "kept", Role.CLIENT);
    driver.get(url("/admin/login"));
    signIn("Olive Ops");
    driver.get(url("/admin/waitlist/" + kept.id()));
    driver.findElement(By.id("reason")).sendKeys("no token");
    driver.executeScript(
        "document.querySelector('form[action$=\"/erase\"] input[name=csrf]').remove()");
    submit("/admin/waitlist/" + kept.id() + "/erase");

    assertTrue(driver.findElement(By.tagName("h1")).getText().contains("403"));
    assertTrue(console.entry(kept.id()).isPresent());
  }

  @Test
  void aPageWithoutASessionGoesToSignInAndSigningOutEndsTheSession() {
    driver.get(url("/admin/calls"));
    assertTrue(driver.getCurrentUrl().contains("/admin/login?next=%2Fadmin%2Fcalls"));
    signIn("Olive Ops");
    assertTrue(driver.getCurrentUrl().endsWith("/admin/calls"));

    Cookie signedIn = driver.manage().getCookieNamed(ConsoleSessions.COOKIE);
    browser.clickAway(driver.findElement(By.cssSelector("form.signout button")));
    assertTrue(driver.getCurrentUrl().endsWith("/admin/login"));
    driver.get(url("/admin"));
    assertTrue(driver.getCurrentUrl().contains("/admin/login"));

    // the cookie itself is refused from now on, not only forgotten by this browser
    driver.manage().addCookie(signedIn);
    driver.get(url("/admin/calls"));
    assertTrue(driver.getCurrentUrl().contains("/admin/login"), driver.getCurrentUrl());
  }

  @Test
  void messagesAreFilteredAndPagedAndOptOutsListed() {
    String to = "msg." + tag + "@example.com";
    MessageRecord failed =
        confirmations.beginAttempt("failed-" + tag, null, Channel.EMAIL, "signup", to);
    confirmations.finish(failed.id(), MessageRecord.FAILED, null, "550", "mailbox unavailable");
    MessageRecord sent =
        confirmations.beginAttempt("sent-" + tag, null, Channel.SMS, "signup", "+14155550177");
    confirmations.finish(sent.id(), MessageRecord.SENT, "SM" + tag, null, null);
    confirmations.optOutEmail("stop." + tag + "@example.com");
    driver.get(url("/admin/login"));
    signIn("Olive Ops");

    driver.get(url("/admin"));
    long failures =
        console
            .messages(new MessageSearch(Optional.empty(), Optional.of(MessageRecord.FAILED), 0, 1))
            .total();
    assertTrue(failures >= 1);
    assertTrue(
        driver.findElement(By.id("failed-messages")).getText().startsWith(failures + " "),
        driver.findElement(By.id("queues")).getText());
    assertFalse(driver.findElement(By.id("job-depth")).getText().isBlank());

    driver.get(url("/admin/messages"));
    new Select(driver.findElement(By.id("status"))).selectByValue("failed");
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> driver.getCurrentUrl().contains("status=failed"));
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> driver.findElement(By.id("results")).getText().contains(to));
    String results = driver.findElement(By.id("results")).getText();
    assertTrue(results.contains("mailbox unavailable"), results);
    assertFalse(results.contains("+14155550177"), "the sent SMS is filtered out: " + results);
    assertEquals(
        failures + (failures == 1 ? " message" : " messages"),
        driver.findElement(By.id("message-count")).getText());
    assertTrue(
        driver.findElement(By.tagName("main")).getText().contains("stop." + tag + "@example.com"));
  }

  private StoredEntry add(String name, String local, Role role) {
    return waitlist
        .upsert(
            new WaitlistEntry(
                name, "+14155550142", local + "-" + tag + "@example.com", role, Source.WEB, null))
        .entry();
  }

  private AuditLine latestAudit(UUID id) {
    return console.audit(50).stream()
        .filter(a -> a.target().equals(id.toString()))
        .findFirst()
        .orElseThrow();
  }

  private static AuditLine withoutTime(AuditLine line) {
    return new AuditLine(null, line.operator(), line.action(), line.target(), line.detail());
  }
}
