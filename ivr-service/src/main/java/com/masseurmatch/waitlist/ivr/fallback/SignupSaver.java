package com.masseurmatch.waitlist.ivr.fallback;

import com.masseurmatch.waitlist.ivr.voice.CallPathBudget;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.outbox.SignupOutbox;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import com.masseurmatch.waitlist.model.tool.ToolOutcome;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Saves a fallback signup with one attempt within the webhook's budget. A valid entry the store
 * cannot take in time is kept durably in the outbox, delivered when the store is back, and the
 * caller is told they are on the list.
 */
@Singleton
public class SignupSaver {

  /** The result of an entry kept in the outbox. */
  static final String QUEUED = "queued";

  private final SaveWaitlistEntryTool tool;
  private final SignupOutbox outbox;

  SignupSaver(SaveWaitlistEntryTool tool, SignupOutbox outbox) {
    this.tool = tool;
    this.outbox = outbox;
  }

  /** The tool's outcome, or {@link #QUEUED} when the store did not take a valid entry in time. */
  public ToolOutcome save(
      String arguments, String callSid, Language language, CallPathBudget budget) {
    ToolOutcome outcome;
    try {
      outcome =
          budget.within(
              budget.storeAttempt(),
              () -> tool.save(arguments, Source.FALLBACK, callSid, language));
    } catch (CallPathBudget.BudgetSpentException e) {
      Optional<WaitlistEntry> entry = tool.entry(arguments, Source.FALLBACK, callSid, language);
      if (entry.isEmpty()) {
        return ToolOutcome.of("{\"ok\":false,\"retry_later\":true}", "unavailable");
      }
      return keep(callSid, entry.get());
    }
    if (outcome.unsaved() != null) {
      return keep(callSid, outcome.unsaved());
    }
    return outcome;
  }

  /** Whether the caller is on the list: saved now, or kept for delivery. */
  static boolean signedUp(ToolOutcome outcome) {
    return outcome.waitlistId() != null || QUEUED.equals(outcome.result());
  }

  private ToolOutcome keep(String callSid, WaitlistEntry entry) {
    Log.warnf(
        "call %s: the store did not take %s in time; keeping it for later",
        callSid, Masking.email(entry.email()));
    try {
      outbox.enqueue(entry);
    } catch (UncheckedIOException e) {
      Log.errorf("call %s: cannot keep the signup: %s", callSid, e.getMessage());
      return ToolOutcome.of("{\"ok\":false,\"retry_later\":true}", "unavailable");
    }
    return new ToolOutcome(
        "{\"ok\":true,\"status\":\"" + QUEUED + "\"}", QUEUED, null, Map.of(), entry);
  }
}
