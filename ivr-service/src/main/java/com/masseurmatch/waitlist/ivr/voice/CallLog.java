package com.masseurmatch.waitlist.ivr.voice;

import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.store.StoreException;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Writes each call's {@code calls} row as it moves through the IVR. Writes happen off the request,
 * in order per call, so a slow store never delays the TwiML Twilio waits for; a failed write is
 * logged.
 */
@Singleton
public class CallLog {

  private final CallRecordStore store;
  private final ManagedExecutor executor;
  private final Clock clock;
  // the last queued write of each call with writes in flight
  private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

  CallLog(CallRecordStore store, ManagedExecutor executor, Clock clock) {
    this.store = store;
    this.executor = executor;
    this.clock = clock;
  }

  public void started(String callSid, String from) {
    write(CallRecord.of(callSid).withFrom(from).withStartedAt(clock.instant()));
  }

  public void started(String callSid, String from, String language) {
    write(
        CallRecord.of(callSid)
            .withFrom(from)
            .withStartedAt(clock.instant())
            .withLanguage(language));
  }

  /** The caller chose another language. */
  public void language(String callSid, String language) {
    write(CallRecord.of(callSid).withLanguage(language));
  }

  public void path(String callSid, CallPath path) {
    write(CallRecord.of(callSid).withPath(path));
  }

  public void ended(String callSid, CallPath path, CallOutcome outcome) {
    write(CallRecord.of(callSid).withPath(path).withOutcome(outcome).withEndedAt(clock.instant()));
  }

  /**
   * The call's row, read in one attempt within the webhook's budget; empty when the store fails or
   * does not answer in time.
   */
  public Optional<CallRecord> find(String callSid, CallPathBudget budget) {
    try {
      return budget.within(budget.storeAttempt(), () -> store.find(callSid));
    } catch (StoreException | CallPathBudget.BudgetSpentException e) {
      Log.warnf("call %s: cannot read the call record: %s", callSid, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Runs {@code work} in the background once the call's writes queued so far are done (or at once
   * when none is in flight); a failure is logged.
   */
  public void afterWrites(String callSid, Runnable work) {
    Runnable logged =
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            Log.warnf("call %s: %s", callSid, e.getMessage());
          }
        };
    CompletableFuture<Void> before = pending.get(callSid);
    if (before == null) {
      CompletableFuture.runAsync(logged, executor);
    } else {
      before.whenCompleteAsync((ignored, failure) -> logged.run(), executor);
    }
  }

  /**
   * Writes a change to the call's row in the background. Writes for one call are applied in the
   * order they were made, so a later outcome is never overwritten by an earlier one.
   */
  public void write(CallRecord record) {
    String callSid = record.callSid();
    if (callSid == null) {
      return;
    }
    Runnable upsert =
        () -> {
          try {
            store.upsert(record);
          } catch (StoreException e) {
            Log.warnf("call %s: cannot write the call record: %s", callSid, e.getMessage());
          }
        };
    CompletableFuture<Void> mine =
        pending.compute(
            callSid,
            (sid, before) ->
                before == null
                    ? CompletableFuture.runAsync(upsert, executor)
                    : before.thenRunAsync(upsert, executor));
    mine.whenComplete((ignored, failure) -> pending.remove(callSid, mine));
  }
}
