package com.masseurmatch.waitlist.model.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.SaveResult;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStats;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignupOutboxTest {

  @TempDir Path dir;

  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final ScriptedStore store = new ScriptedStore();

  private SignupOutbox outbox() {
    return new SignupOutbox(dir.resolve("outbox"), store, new ObjectMapper(), metrics);
  }

  private static WaitlistEntry entry(String email) {
    return new WaitlistEntry("Ann Lee", "+14155550100", email, Role.CLIENT, Source.PHONE, "CA1");
  }

  @Test
  void keepsEntriesOnDiskUntilTheStoreTakesThem() {
    SignupOutbox outbox = outbox();
    store.mode = Mode.DOWN;
    outbox.enqueue(entry("ann@example.com"));
    outbox.enqueue(entry("bob@example.com"));
    outbox.enqueue(entry("ann@example.com")); // the same e-mail replaces its file

    assertEquals(2, outbox.drain(Duration.ofSeconds(5)));
    assertEquals(2, metrics.get("waitlist.outbox.depth").gauge().value());

    store.mode = Mode.UP;
    // a new outbox on the same folder, as after a restart
    SignupOutbox restarted = outbox();
    assertEquals(0, restarted.drain(Duration.ofSeconds(5)));
    assertEquals(List.of("ann@example.com", "bob@example.com"), store.sortedSaved());
    assertEquals(
        2.0,
        metrics.get("waitlist.outbox.deliveries").tag("result", "delivered").counter().count());
  }

  @Test
  void movesARejectedEntryAsideAndGoesOn() throws Exception {
    SignupOutbox outbox = outbox();
    outbox.enqueue(entry("ann@example.com"));
    store.mode = Mode.REJECTING;

    assertEquals(0, outbox.drain(Duration.ofSeconds(5)));

    try (var aside = Files.list(dir.resolve("outbox/rejected"))) {
      assertEquals(1, aside.count());
    }
    assertTrue(store.saved.isEmpty());
  }

  @Test
  void aZeroBudgetDeliversNothing() {
    SignupOutbox outbox = outbox();
    outbox.enqueue(entry("ann@example.com"));
    assertEquals(1, outbox.drain(Duration.ZERO));
    assertTrue(store.saved.isEmpty());
  }

  private enum Mode {
    UP,
    DOWN,
    REJECTING
  }

  private static final class ScriptedStore implements WaitlistStore {
    volatile Mode mode = Mode.UP;
    final List<WaitlistEntry> saved = new ArrayList<>();

    @Override
    public synchronized SaveResult upsert(WaitlistEntry entry) {
      switch (mode) {
        case DOWN:
          throw new StoreUnavailableException("the store is down", true, null);
        case REJECTING:
          throw new StoreRejectedException(400, "PGRST204", "no such column", null);
        default:
          saved.add(entry);
          return null;
      }
    }

    synchronized List<String> sortedSaved() {
      return saved.stream().map(WaitlistEntry::email).sorted().toList();
    }

    @Override
    public WaitlistPage list(WaitlistQuery query) {
      throw new UnsupportedOperationException();
    }

    @Override
    public WaitlistStats stats() {
      throw new UnsupportedOperationException();
    }
  }
}
