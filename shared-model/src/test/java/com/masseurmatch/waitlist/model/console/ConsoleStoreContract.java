package com.masseurmatch.waitlist.model.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the console's pages need from either store: a search that means what was typed, with its
 * filters, order and paging; the confirmation messages and opt-outs; and sign-outs every instance
 * sees.
 */
public abstract class ConsoleStoreContract {

  /** Letters only, so it can go into names; tells this run's rows from others in the database. */
  private final String tag =
      UUID.randomUUID().toString().replaceAll("[^a-f]", "").concat("zz").substring(0, 6);

  protected abstract ConsoleStore console();

  protected abstract WaitlistStore waitlist();

  protected abstract ConfirmationStore confirmations();

  protected abstract CallRecordStore calls();

  @Test
  void erasingAnEntryClearsTheTranscriptsOfTheCallsLinkedToIt() {
    StoredEntry entry = add("Eve " + tag, "eve." + tag, Role.CLIENT);
    calls()
        .upsert(
            CallRecord.of("CA" + tag)
                .withStartedAt(Instant.now().minusSeconds(60))
                .withWaitlistId(entry.id())
                .withTranscript(List.of(new TranscriptTurn("caller", "I am Eve", Instant.now()))));

    assertTrue(console().erase(entry.id(), "Olive", "asked by phone"));

    assertTrue(console().entry(entry.id()).isEmpty());
    CallRecord call = calls().find("CA" + tag).orElseThrow();
    assertEquals(null, call.transcript());
    assertEquals(null, call.fromNumber());
    assertEquals(
        List.of("Olive|erase|asked by phone"),
        console().audit(50).stream()
            .filter(a -> a.target().equals(entry.id().toString()))
            .map(a -> a.operator() + "|" + a.action() + "|" + a.detail())
            .toList());
  }

  @Test
  void callsShowTheirLanguageAndVariantAndFilterByVariant() {
    UUID experiment = UUID.randomUUID();
    String arm = "arm-" + tag;
    calls()
        .upsert(
            CallRecord.of("CA" + tag + "a")
                .withStartedAt(Instant.now().minusSeconds(30))
                .withLanguage("es")
                .withVariant(experiment, arm));
    calls()
        .upsert(
            CallRecord.of("CA" + tag + "b")
                .withStartedAt(Instant.now().minusSeconds(20))
                .withLanguage("fr"));

    CallPage page =
        console()
            .calls(
                new CallSearch(
                    Optional.empty(), Optional.empty(), 0, 50, Optional.empty(), Optional.of(arm)));

    assertEquals(1, page.total());
    CallSummary call = page.items().get(0);
    assertEquals("CA" + tag + "a", call.callSid());
    assertEquals("es", call.language());
    assertEquals(arm, call.variant());
  }

  @Test
  void aSearchMatchesTheTypedTextLiterallyWithItsFiltersOrderAndPage() {
    add("Ann " + tag, "ann_lee." + tag, Role.THERAPIST);
    add("Bea " + tag, "annxlee." + tag, Role.THERAPIST);
    add("Cid " + tag, "ann_lee2." + tag, Role.CLIENT);
    add("Dot " + tag, "ann_lee3." + tag, Role.THERAPIST);

    WaitlistPage literal = console().entries(search("ann_lee", Optional.empty(), 0, 10));
    assertEquals(
        List.of("Ann " + tag, "Cid " + tag, "Dot " + tag),
        literal.items().stream().map(StoredEntry::fullName).toList(),
        "an underscore is an underscore, not any one character");

    WaitlistPage therapists =
        console().entries(search("ann_lee", Optional.of(Role.THERAPIST), 1, 1));
    assertEquals(2, therapists.total());
    assertEquals(
        List.of("Ann " + tag),
        therapists.items().stream().map(StoredEntry::fullName).toList(),
        "names descending, the second page of one");

    WaitlistPage none = console().entries(search("ann%lee." + tag, Optional.empty(), 0, 10));
    assertEquals(0, none.total(), "a percent sign is a percent sign");

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    WaitlistPage future =
        console()
            .entries(
                new EntrySearch(
                    Optional.of(tag),
                    Optional.empty(),
                    Optional.of(Source.WEB),
                    Optional.of(today.plusDays(1)),
                    Optional.empty(),
                    EntrySort.FULL_NAME,
                    true,
                    0,
                    10));
    assertEquals(0, future.total(), "none was created tomorrow");
  }

  @Test
  void messagesAreFilteredByChannelAndStatusAndPaged() {
    String to = tag + "@example.com";
    MessageRecord sent = confirmations().beginAttempt(tag + "1", null, Channel.SMS, "signup", to);
    confirmations().finish(sent.id(), MessageRecord.SENT, "SM1" + tag, null, null);
    MessageRecord failed = confirmations().beginAttempt(tag + "2", null, Channel.SMS, "signup", to);
    confirmations().finish(failed.id(), MessageRecord.FAILED, null, "21610", "unsubscribed");
    MessageRecord mail = confirmations().beginAttempt(tag + "3", null, Channel.EMAIL, "signup", to);
    confirmations().finish(mail.id(), MessageRecord.SENT, null, null, null);

    MessagePage sms =
        console().messages(new MessageSearch(Optional.of(Channel.SMS), Optional.empty(), 0, 50));
    assertEquals(2, sms.total());
    assertTrue(sms.items().stream().allMatch(m -> m.channel() == Channel.SMS));

    MessagePage failures =
        console()
            .messages(
                new MessageSearch(Optional.empty(), Optional.of(MessageRecord.FAILED), 0, 50));
    assertEquals(1, failures.total());
    assertEquals("21610", failures.items().get(0).errorCode());

    MessagePage second =
        console().messages(new MessageSearch(Optional.empty(), Optional.empty(), 1, 1));
    assertEquals(3, second.total());
    assertEquals(1, second.items().size());
  }

  @Test
  void optOutsAreTheNumbersStillOptedOutAndTheUnsubscribedAddresses() {
    String stopped = "+1415555" + (1000 + Math.abs(tag.hashCode() % 9000));
    String restarted = "+1628555" + (1000 + Math.abs(tag.hashCode() % 9000));
    confirmations().setSmsOptOut(stopped, true, "STOP");
    confirmations().setSmsOptOut(restarted, true, "STOP");
    confirmations().setSmsOptOut(restarted, false, "START");
    confirmations().optOutEmail("gone." + tag + "@example.com");

    List<OptOut> optOuts = console().optOuts(100);

    assertTrue(
        optOuts.stream()
            .anyMatch(
                o ->
                    o.channel() == Channel.SMS
                        && o.destination().equals(stopped)
                        && "STOP".equals(o.keyword())),
        optOuts.toString());
    assertTrue(
        optOuts.stream()
            .anyMatch(
                o ->
                    o.channel() == Channel.EMAIL
                        && o.destination().equals("gone." + tag + "@example.com")),
        optOuts.toString());
    assertFalse(optOuts.stream().anyMatch(o -> o.destination().equals(restarted)));
  }

  @Test
  void aRevokedSessionIsRevokedUntilItWouldHaveExpired() {
    Instant later = Instant.now().plusSeconds(3600);
    assertFalse(console().sessionRevoked("s-" + tag));

    console().revokeSession("s-" + tag, later);
    console().revokeSession("s-" + tag, later);
    console().revokeSession("old-" + tag, Instant.now().minusSeconds(5));
    assertTrue(console().sessionRevoked("s-" + tag));
    assertFalse(console().sessionRevoked("t-" + tag));

    console().revokeSession("u-" + tag, later);
    assertFalse(console().sessionRevoked("old-" + tag), "an expired revocation is forgotten");
    assertTrue(console().sessionRevoked("u-" + tag));
  }

  private EntrySearch search(String text, Optional<Role> role, int offset, int limit) {
    return new EntrySearch(
        Optional.of(text),
        role,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        EntrySort.FULL_NAME,
        role.isPresent(),
        offset,
        limit);
  }

  private StoredEntry add(String name, String local, Role role) {
    return waitlist()
        .upsert(
            new WaitlistEntry(name, "+14155550142", local + "@example.com", role, Source.WEB, null))
        .entry();
  }
}
