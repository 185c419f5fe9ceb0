package com.masseurmatch.waitlist.model.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import com.masseurmatch.waitlist.model.job.Job;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.SubmitResult;
import com.masseurmatch.waitlist.model.waitlist.SubmitResult.Outcome;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store keeps the migration's contract for public saves and confirmation jobs. */
class EmbeddedConfirmationsTest {

  private static final Set<String> KINDS = Set.of("confirmation.sms", "confirmation.email");

  @TempDir Path dir;

  private static WaitlistEntry entry(String name, String phone, Role role, Source source) {
    return new WaitlistEntry(name, phone, "ann@example.com", role, source, null);
  }

  private static List<String> claimed(EmbeddedBackend backend) {
    return backend.jobs().claim("test", KINDS, 50, Duration.ofMinutes(1)).stream()
        .map(
            j ->
                j.kind()
                    + "|"
                    + j.payload().path("purpose").asText()
                    + "|"
                    + j.payload().path("destination").asText())
        .sorted()
        .toList();
  }

  @Test
  void publicSavesFollowTheOwnerRuleAndEnqueueOnce() {
    EmbeddedBackend backend = new EmbeddedBackend(dir, EmbeddedStoresTest.JSON, Clock.systemUTC());
    EmbeddedConfirmationStore store = new EmbeddedConfirmationStore(dir, Clock.systemUTC());
    var waitlist = backend.waitlist();
    SubmitResult created =
        waitlist.submit(entry("Ann Lee", "+14155550100", Role.THERAPIST, Source.WEB));
    assertEquals(Outcome.CREATED, created.outcome());
    assertEquals(
        Outcome.UNCHANGED,
        waitlist.submit(entry("Ann Lee", "+14155550100", Role.THERAPIST, Source.WEB)).outcome());
    assertEquals(
        List.of(
            "confirmation.email|signup|ann@example.com", "confirmation.sms|signup|+14155550100"),
        claimed(backend));

    assertEquals(
        Outcome.PENDING,
        waitlist.submit(entry("Eve Bad", "+14155550999", Role.CLIENT, Source.WEB)).outcome());
    assertEquals(
        Outcome.PENDING,
        waitlist.submit(entry("Eve Bad", "+14155550999", Role.CLIENT, Source.WEB)).outcome());
    assertEquals(
        "Ann Lee",
        waitlist
            .list(new WaitlistQuery(Optional.empty(), Optional.empty(), 0, 10))
            .items()
            .get(0)
            .fullName());
    List<Job> notices = backend.jobs().claim("test", KINDS, 50, Duration.ofMinutes(1));
    assertEquals(2, notices.size());
    Job sms = notices.stream().filter(j -> j.kind().equals("confirmation.sms")).findFirst().get();
    assertEquals("+14155550100", sms.payload().path("destination").asText());

    // the owner confirms: the entry changes and only the new phone gets a confirmation
    UUID change = UUID.fromString(sms.payload().path("change_id").asText());
    assertTrue(store.applyChange(change, "stale").isEmpty());
    assertEquals(
        "+14155550999",
        store.applyChange(change, sms.payload().path("version").asText()).orElseThrow().phone());
    assertEquals(List.of("confirmation.sms|signup|+14155550999"), claimed(backend));

    assertEquals(
        Outcome.UPDATED,
        waitlist.submit(entry("Eve Good", "+14155550999", Role.CLIENT, Source.PHONE)).outcome());
    assertEquals(List.of(), claimed(backend));
  }

  @Test
  void messagesOptOutsAndRemoval() {
    EmbeddedBackend backend = new EmbeddedBackend(dir, EmbeddedStoresTest.JSON, Clock.systemUTC());
    EmbeddedConfirmationStore store = new EmbeddedConfirmationStore(dir, Clock.systemUTC());
    UUID id =
        backend
            .waitlist()
            .submit(entry("Ann Lee", "+14155550100", Role.CLIENT, Source.WEB))
            .entryId();
    MessageRecord first = store.beginAttempt("k", id, Channel.SMS, "signup", "+14155550100");
    assertEquals(1, first.attempts());
    assertEquals(2, store.beginAttempt("k", id, Channel.SMS, "signup", "+14155550100").attempts());
    store.finish(first.id(), MessageRecord.SENT, "SM1", null, null);
    MessageRecord done = store.beginAttempt("k", id, Channel.SMS, "signup", "+14155550100");
    assertFalse(done.open());
    assertEquals(2, done.attempts());
    assertTrue(store.recordDelivery("SM1", "delivered", null));
    assertFalse(store.recordDelivery("SM1", "sending", null));
    assertEquals("delivered", store.messages(0, 10).get(0).status());

    assertFalse(store.smsOptedOut("+14155550100"));
    store.setSmsOptOut("+14155550100", true, "STOP");
    assertTrue(store.smsOptedOut("+14155550100"));
    store.setSmsOptOut("+14155550100", false, "START");
    assertFalse(store.smsOptedOut("+14155550100"));
    store.optOutEmail("ann@example.com");
    assertTrue(store.emailOptedOut("ann@example.com"));

    assertTrue(store.removeEntry(id));
    assertFalse(store.removeEntry(id));
    assertTrue(store.entry(id).isEmpty());
  }
}
