package com.masseurmatch.waitlist.ivr.fallback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the fallback's state on the {@code calls} row. Writes are synchronous: the next
 * webhook, perhaps on another instance, must see them. Until a signup is saved the outcome is
 * {@code abandoned}, so a caller who hangs up leaves what they gave for an operator.
 */
@Singleton
public class FallbackCalls {

  private final CallRecordStore store;
  private final ObjectMapper json;

  FallbackCalls(CallRecordStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  /** The call so far: fields collected (by the bridge or here) and the assistant's state. */
  public Progress load(String callSid) {
    Optional<CallRecord> record = store.find(callSid);
    Map<String, String> collected =
        new LinkedHashMap<>(record.map(CallRecord::collected).orElse(Map.of()));
    FallbackState state =
        record
            .map(CallRecord::assistantState)
            .filter(s -> !s.isEmpty())
            .map(s -> json.convertValue(s, FallbackState.class))
            .orElse(null);
    return new Progress(collected, state);
  }

  @SuppressWarnings("unchecked")
  public void save(
      String callSid, CallPath path, Map<String, String> collected, FallbackState state) {
    store.upsert(
        CallRecord.of(callSid)
            .withPath(path)
            .withOutcome(CallOutcome.ABANDONED)
            .withCollected(Map.copyOf(collected))
            .withAssistantState(json.convertValue(state, Map.class)));
  }

  public void signedUp(
      String callSid, CallPath path, Map<String, String> collected, java.util.UUID id) {
    store.upsert(
        CallRecord.of(callSid)
            .withPath(path)
            .withOutcome(CallOutcome.SIGNED_UP)
            .withWaitlistId(id)
            .withCollected(Map.copyOf(collected)));
  }

  /** What a call has collected and where its assistant is (null before the first turn). */
  public record Progress(Map<String, String> collected, FallbackState state) {}
}
