package com.masseurmatch.waitlist.bridge.signup;

import com.masseurmatch.waitlist.bridge.metrics.BridgeMetrics;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.outbox.SignupOutbox;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last resort for a signup: one that neither the store nor the outbox took (the store down and
 * the outbox's disk full or unwritable). It is an alarm: each entry is kept in memory, logged at
 * ERROR and counted, readiness goes down while any is held (live calls continue, new ones go
 * elsewhere), and every outbox interval each is offered to the store, then the outbox, until one of
 * them takes it. Entries are kept by e-mail, so a repeated save replaces the earlier one.
 */
@Singleton
public class UnsavedSignups {

  private final WaitlistStore store;
  private final SignupOutbox outbox;
  private final BridgeMetrics metrics;
  private final Map<String, WaitlistEntry> held = new ConcurrentHashMap<>();

  UnsavedSignups(WaitlistStore store, SignupOutbox outbox, BridgeMetrics metrics) {
    this.store = store;
    this.outbox = outbox;
    this.metrics = metrics;
    metrics.unsavedSignups(held::size);
  }

  /**
   * Hands the entry to the outbox; when that fails, keeps it in memory and raises the alarm.
   * Blocking (a file write): on a worker.
   */
  public void keep(WaitlistEntry entry, String callSid) {
    try {
      outbox.enqueue(entry);
    } catch (RuntimeException e) {
      held.put(entry.email(), entry);
      metrics.outboxWriteFailed();
      Log.errorf(
          "call %s: the outbox cannot be written (%s): the signup of %s is held in memory and"
              + " retried; this instance reports not ready until it is stored",
          callSid, e.toString(), Masking.email(entry.email()));
    }
  }

  /** Signups held in memory; readiness is down while there is any. */
  public int held() {
    return held.size();
  }

  /** Offers each held signup to the store, then to the outbox. */
  @Scheduled(
      every = "${bridge.outbox-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void retry() {
    for (WaitlistEntry entry : held.values()) {
      if (stored(entry) || queued(entry)) {
        held.remove(entry.email(), entry);
        Log.infof("the signup of %s held in memory is safe again", Masking.email(entry.email()));
      }
    }
  }

  private boolean stored(WaitlistEntry entry) {
    try {
      store.upsert(entry);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private boolean queued(WaitlistEntry entry) {
    try {
      outbox.enqueue(entry);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
