package com.masseurmatch.waitlist.ivr.fallback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.ivr.config.OpenAiKeyConfig;
import com.masseurmatch.waitlist.ivr.voice.CallLog;
import com.masseurmatch.waitlist.ivr.voice.CallPathBudget;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.experiment.ModelPrices;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.recording.RecordingJobs;
import com.masseurmatch.waitlist.model.store.StoreException;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
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
  private final String configuredModel;

  FallbackCalls(
      CallRecordStore store,
      ObjectMapper json,
      CallLog log,
      JobStore jobs,
      OpenAiKeyConfig openAi) {
    this.store = store;
    this.json = json;
    this.log = log;
    this.jobs = jobs;
    this.configuredModel = openAi.chatModel();
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
        withChat(
            CallRecord.of(callSid)
                .withPath(path)
                .withOutcome(CallOutcome.ABANDONED)
                .withCollected(state.collected())
                .withAssistantState(json.convertValue(state, Map.class))
                .withLanguage(state.language()),
            state));
  }

  /** The chat's signup: the fields, the entry and the Chat tokens used; in the background. */
  public void signedUp(String callSid, CallPath path, FallbackState state, UUID id) {
    write(
        withChat(
            CallRecord.of(callSid)
                .withPath(path)
                .withOutcome(CallOutcome.SIGNED_UP)
                .withWaitlistId(id)
                .withCollected(Map.copyOf(state.collected())),
            state));
  }

  /** The Chat tokens used so far, when the chat gives way to the scripted form. */
  public void chatUsed(String callSid, FallbackState state) {
    if (state.chat().used()) {
      write(withChat(CallRecord.of(callSid), state));
    }
  }

  /** The chat's tokens and their cost at its model's prices (no cost for an unpriced model). */
  private CallRecord withChat(CallRecord record, FallbackState state) {
    FallbackState.ChatUse chat = state.chat();
    if (!chat.used()) {
      return record;
    }
    String model = chat.model() == null ? configuredModel : chat.model();
    ModelPrices.Prices prices = ModelPrices.CHAT.get(model);
    BigDecimal cost =
        prices == null
            ? null
            : prices.chat(chat.promptTokens(), chat.cachedTokens(), chat.completionTokens());
    Map<String, Long> tokens = new LinkedHashMap<>();
    tokens.put("prompt_tokens", chat.promptTokens());
    tokens.put("cached_tokens", chat.cachedTokens());
    tokens.put("completion_tokens", chat.completionTokens());
    return record.withChatUsage(tokens, cost);
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
