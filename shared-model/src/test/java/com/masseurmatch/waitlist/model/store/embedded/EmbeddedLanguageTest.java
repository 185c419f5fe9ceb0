package com.masseurmatch.waitlist.model.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language of entries and calls in the embedded store, as in the migrations. */
class EmbeddedLanguageTest {

  @TempDir Path dir;

  @Test
  void entriesKeepTheirLanguageAndTheListFiltersOnIt() {
    EmbeddedBackend store = new EmbeddedBackend(dir, EmbeddedStoresTest.JSON, Clock.systemUTC());
    store
        .waitlist()
        .submit(
            new WaitlistEntry(
                "Ana López",
                "+14155550100",
                "ana@example.com",
                Role.THERAPIST,
                Source.PHONE,
                "CA1",
                "es"));
    store
        .waitlist()
        .submit(
            new WaitlistEntry(
                "Ann Lee", "+14155550101", "ann@example.com", Role.CLIENT, Source.WEB, null));

    List<StoredEntry> spanish =
        store
            .waitlist()
            .list(
                new WaitlistQuery(
                    Optional.empty(), Optional.empty(), 0, 50, Optional.of(Language.ES)))
            .items();
    assertEquals(List.of("ana@example.com"), spanish.stream().map(StoredEntry::email).toList());
    assertEquals("es", spanish.get(0).language());
    List<StoredEntry> all = store.waitlist().list(WaitlistQuery.firstPage(50)).items();
    assertEquals(List.of("en", "es"), all.stream().map(StoredEntry::language).sorted().toList());
  }

  @Test
  void aCallsLanguageIsKeptByLaterWritesThatLeaveItOut() {
    EmbeddedBackend store = new EmbeddedBackend(dir, EmbeddedStoresTest.JSON, Clock.systemUTC());
    store.calls().upsert(CallRecord.of("CA2").withFrom("+14155550100").withLanguage("fr"));
    store.calls().upsert(CallRecord.of("CA2").withFrom("+14155550100"));

    assertEquals("fr", store.calls().find("CA2").orElseThrow().language());
  }
}
