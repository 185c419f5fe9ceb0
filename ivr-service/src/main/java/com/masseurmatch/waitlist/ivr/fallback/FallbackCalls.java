package com.masseurmatch.waitlist.ivr.fallback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.ivr.voice.CallLog;
import com.masseurmatch.waitlist.ivr.voice.CallPathBudget;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.recording.RecordingJobs;
import com.masseurmatch.waitlist.model.store.StoreException;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The fallback's view of the {@code calls} row. The call path reads it once, when the fallback
 * starts, for what the bridge collected; every write after that happens off the request, so a slow
 * store never delays the caller. Until a signup is saved the outcome is {@code abandoned}, so a
 * caller who hangs up leaves what they gave for an operator.
 */
@Singleton
public class FallbackCalls {

  private final CallRecordStore store;
  private final ObjectMapper json;
  private final CallLog log;
  private final JobStore jobs;

  FallbackCalls(CallRecordStore store, ObjectMapper json, CallLog log, JobStore jobs) {
    this.store = store;
    this.json = json;
    this.log = log;
    this.jobs = jobs;
  }

  /**
   * The fields collected earlier in the call (by the bridge), in one attempt within the budget;
   * none when the store fails or is slow.
   */
  public Map<String, String> collected(String callSid, CallPathBudget budget) {
    return earlier(callSid, budget).collected();
  }

  /** What the call's row says so far: the fields collected and the caller's language. */
  public record Earlier(Map<String, String> collected, String language) {}

  /**
   * The fields collected earlier in the call (by the bridge) and its language, in one attempt
   * within the budget; none when the store fails or is slow.
   */
  public Earlier earlier(String callSid, CallPathBudget budget) {
    try {
      return budget.within(
          budget.storeAttempt(),
          () ->
              store
                  .find(callSid)
                  .map(
                      r ->
                          new Earlier(
                              new LinkedHashMap<>(r.collected() == null ? Map.of() : r.collected()),
                              r.language()))
                  .orElseGet(() -> new Earlier(new LinkedHashMap<>(), null)));
    } catch (StoreException | CallPathBudget.BudgetSpentException e) {
      Log.warnf(
          "call %s: cannot read what was collected, starting afresh: %s", callSid, e.getMessage());
      return new Earlier(new LinkedHashMap<>(), null);
    }
  }

  /** Records where the assistant is, for operators; in the background. */
  @SuppressWarnings("unchecked")
  public void save(String callSid, CallPath path, FallbackState state) {
    write(
        CallRecord.of(callSid)
            .withPath(path)
            .withOutcome(CallOutcome.ABANDONED)
            .withCollected(state.collected())
            .withAssistantState(json.convertValue(state, Map.class))
            .withLanguage(state.language()));
  }

  /**
   * Records the signup, the end of the call; in the background. A null id means the entry waits in
   * the outbox. A chat conversation's analysis is queued once the row is written.
   */
  public void signedUp(String callSid, CallPath path, Map<String, String> collected, UUID id) {
    write(
        CallRecord.of(callSid)
            .withPath(path)
            .withOutcome(CallOutcome.SIGNED_UP)
            .withWaitlistId(id)
            .withCollected(Map.copyOf(collected)));
    if (path == CallPath.FALLBACK) {
      log.afterWrites(callSid, () -> RecordingJobs.enqueueAnalysis(jobs, callSid, null));
    }
  }

  private void write(CallRecord record) {
    log.write(record);
  }
}
