package com.masseurmatch.waitlist.model.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.store.RowJson;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.SaveResult;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStats;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoresTest {

  static final ObjectMapper JSON =
      RowJson.mapper(new ObjectMapper().registerModule(new JavaTimeModule()));

  @TempDir Path dir;

  private EmbeddedBackend open() {
    return new EmbeddedBackend(dir, JSON, Clock.systemUTC());
  }

  private static WaitlistEntry entry(String name, String email, Role role, Source source) {
    return new WaitlistEntry(name, "+14155550100", email, role, source, null);
  }

  @Test
  void upsertCreatesThenUpdatesByEmail() {
    EmbeddedBackend backend = open();
    SaveResult first =
        backend.waitlist().upsert(entry("Ann Lee", "ann@example.com", Role.CLIENT, Source.WEB));
    SaveResult second =
        backend
            .waitlist()
            .upsert(entry("Ann B. Lee", "ann@example.com", Role.THERAPIST, Source.PHONE));
    assertTrue(first.created());
    assertFalse(second.created());
    assertEquals("updated", second.status());
    assertEquals(first.entry().id(), second.entry().id());
    assertEquals("Ann B. Lee", second.entry().fullName());
    assertEquals(Role.THERAPIST, second.entry().role());
    assertEquals(1, backend.waitlist().list(WaitlistQuery.firstPage(10)).total());
  }

  @Test
  void repeatingTheSameUpsertChangesNothing() {
    EmbeddedBackend backend = open();
    WaitlistEntry entry =
        new WaitlistEntry(
            "Ann Lee", "+14155550100", "ann@example.com", Role.CLIENT, Source.PHONE, "CA1");
    SaveResult first = backend.waitlist().upsert(entry);
    SaveResult again = backend.waitlist().upsert(entry);
    assertEquals(first.entry(), again.entry());
    assertFalse(again.created());
  }

  @Test
  void aMissingCallSidKeepsTheStoredOne() {
    EmbeddedBackend backend = open();
    backend
        .waitlist()
        .upsert(
            new WaitlistEntry(
                "Ann Lee", "+14155550100", "ann@example.com", Role.CLIENT, Source.PHONE, "CA1"));
    SaveResult web =
        backend.waitlist().upsert(entry("Ann Lee", "ann@example.com", Role.CLIENT, Source.WEB));
    assertEquals("CA1", web.entry().callSid());
    assertEquals(Source.WEB, web.entry().source());
  }

  @Test
  void entriesSurviveAReopen() {
    open().waitlist().upsert(entry("Ann Lee", "ann@example.com", Role.CLIENT, Source.WEB));
    WaitlistPage page = open().waitlist().list(WaitlistQuery.firstPage(10));
    assertEquals(1, page.total());
    assertEquals("ann@example.com", page.items().get(0).email());
  }

  @Test
  void listFiltersSearchesAndPages() throws Exception {
    EmbeddedBackend backend = open();
    backend.waitlist().upsert(entry("Ann Lee", "ann@example.com", Role.CLIENT, Source.WEB));
    Thread.sleep(2);
    backend.waitlist().upsert(entry("Bob Stone", "bob@example.com", Role.THERAPIST, Source.PHONE));
    Thread.sleep(2);
    backend.waitlist().upsert(entry("Cy 100%_x", "cy@example.com", Role.THERAPIST, Source.PHONE));

    WaitlistPage therapists =
        backend
            .waitlist()
            .list(new WaitlistQuery(Optional.of(Role.THERAPIST), Optional.empty(), 0, 10));
    assertEquals(List.of("Cy 100%_x", "Bob Stone"), names(therapists));
    assertEquals(2, therapists.total());

    WaitlistPage search =
        backend.waitlist().list(new WaitlistQuery(Optional.empty(), Optional.of("STONE"), 0, 10));
    assertEquals(List.of("Bob Stone"), names(search));

    WaitlistPage literal =
        backend.waitlist().list(new WaitlistQuery(Optional.empty(), Optional.of("%_"), 0, 10));
    assertEquals(List.of("Cy 100%_x"), names(literal), "% and _ are not wildcards in a search");

    WaitlistPage second =
        backend.waitlist().list(new WaitlistQuery(Optional.empty(), Optional.empty(), 1, 1));
    assertEquals(List.of("Bob Stone"), names(second));
    assertEquals(3, second.total());

    WaitlistPage beyond =
        backend.waitlist().list(new WaitlistQuery(Optional.empty(), Optional.empty(), 10, 5));
    assertEquals(List.of(), beyond.items());
    assertEquals(3, beyond.total());
  }

  @Test
  void statsCountByRoleAndSource() {
    EmbeddedBackend backend = open();
    backend.waitlist().upsert(entry("Ann Lee", "ann@example.com", Role.CLIENT, Source.WEB));
    backend.waitlist().upsert(entry("Bob Stone", "bob@example.com", Role.THERAPIST, Source.PHONE));
    backend.waitlist().upsert(entry("Cy Doe", "cy@example.com", Role.THERAPIST, Source.FALLBACK));
    WaitlistStats stats = backend.waitlist().stats();
    assertEquals(3, stats.total());
    assertEquals(2L, stats.byRole().get(Role.THERAPIST));
    assertEquals(1L, stats.byRole().get(Role.CLIENT));
    assertEquals(1L, stats.bySource().get(Source.FALLBACK));
    assertEquals(0L, stats.bySource().get(Source.VOICEMAIL));
  }

  @Test
  void callRecordsMergeFieldsAcrossUpserts() {
    EmbeddedBackend backend = open();
    Instant start = Instant.parse("2026-11-23T12:00:00Z");
    backend
        .calls()
        .upsert(
            CallRecord.of("CA1")
                .withFrom("+14155550100")
                .withStartedAt(start)
                .withPath(CallPath.REALTIME));
    List<TranscriptTurn> transcript =
        List.of(new TranscriptTurn("knotty", "Hi, I'm Knotty!", start.plusSeconds(1)));
    backend
        .calls()
        .upsert(
            CallRecord.of("CA1")
                .withOutcome(CallOutcome.SIGNED_UP)
                .withEndedAt(start.plusSeconds(90))
                .withTranscript(transcript)
                .withUsage(Map.of("input_audio_tokens", 600L), new BigDecimal("0.0192")));
    CallRecord stored = backend.calls().find("CA1").orElseThrow();
    assertEquals("+14155550100", stored.fromNumber());
    assertEquals(start, stored.startedAt());
    assertEquals(CallPath.REALTIME, stored.path());
    assertEquals(CallOutcome.SIGNED_UP, stored.outcome());
    assertEquals(transcript, stored.transcript());
    assertEquals(Map.of("input_audio_tokens", 600L), stored.usage());
    assertEquals(new BigDecimal("0.0192"), stored.costUsd());
    assertEquals(List.of(stored), backend.calls().recent(5));
    assertTrue(backend.calls().find("CA-unknown").isEmpty());
  }

  @Test
  void collectedFieldsAndAssistantStateRoundTrip() {
    EmbeddedBackend backend = open();
    backend.calls().upsert(CallRecord.of("CA2").withCollected(Map.of("phone", "+14155550100")));
    backend
        .calls()
        .upsert(
            CallRecord.of("CA2")
                .withAssistantState(Map.of("mode", "scripted", "step", "role", "retries", 1)));
    CallRecord stored = backend.calls().find("CA2").orElseThrow();
    assertEquals(Map.of("phone", "+14155550100"), stored.collected());
    assertEquals(Map.of("mode", "scripted", "step", "role", "retries", 1), stored.assistantState());
  }

  @Test
  void voicemailCallbacksInAnyOrderMakeOneRow() {
    EmbeddedBackend backend = open();
    backend
        .voicemails()
        .upsert(new Voicemail(null, "CA1", null, "RE1", null, null, "Please call me back", null));
    Voicemail merged =
        backend
            .voicemails()
            .upsert(
                new Voicemail(
                    null,
                    "CA1",
                    "+14155550100",
                    "RE1",
                    "https://api.twilio.com/RE1",
                    12,
                    null,
                    null));
    assertEquals("Please call me back", merged.transcription());
    assertEquals(12, merged.durationSeconds());
    assertEquals(1, backend.voicemails().recent(10).size());
  }

  @Test
  void constraintViolationsAreRejections() {
    EmbeddedDatabase database = new EmbeddedDatabase(dir);
    StoreRejectedException e =
        assertThrows(
            StoreRejectedException.class,
            () ->
                database.write(
                    connection -> {
                      try (Statement statement = connection.createStatement()) {
                        statement.execute(
                            "insert into waitlist (id, full_name, phone, email, role, source,"
                                + " call_sid, created_at, updated_at) values ('x', 'A', '+1',"
                                + " 'a@b.c', 'boss', 'web', null, 0, 0)");
                      }
                      return null;
                    }));
    assertEquals(400, e.status());
  }

  private static List<String> names(WaitlistPage page) {
    return page.items().stream().map(item -> item.fullName()).toList();
  }
}
