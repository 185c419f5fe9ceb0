package com.masseurmatch.waitlist.bridge.call;

import com.masseurmatch.waitlist.bridge.metrics.BridgeMetrics;
import com.masseurmatch.waitlist.bridge.signup.UnsavedSignups;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import com.masseurmatch.waitlist.model.tool.ToolOutcome;
import com.masseurmatch.waitlist.model.waitlist.Source;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Runs the save tool for calls, on a worker, and always answers: whatever fails, the call gets an
 * outcome the model can act on, back on the call's own context. A signup the store did not take
 * goes to the outbox, or, when that cannot be written either, is held by {@link UnsavedSignups}.
 * Counts failures, and reports the oldest tool call still waiting for its output.
 */
@Singleton
public class ToolRunner {

  /** The model's cue after an unexpected failure. */
  static final String FAILED_OUTPUT =
      "{\"ok\":false,\"reason\":\"internal_error\",\"ask\":\"The details could not be saved"
          + " because of a fault. Apologise, and offer to pass the caller to the team or to take a"
          + " voicemail.\"}";

  private final SaveWaitlistEntryTool saveTool;
  private final UnsavedSignups unsaved;
  private final BridgeMetrics metrics;
  private final ManagedExecutor blocking;
  private final Map<Object, Long> waiting = new ConcurrentHashMap<>();

  ToolRunner(
      SaveWaitlistEntryTool saveTool,
      UnsavedSignups unsaved,
      BridgeMetrics metrics,
      ManagedExecutor blocking) {
    this.saveTool = saveTool;
    this.unsaved = unsaved;
    this.metrics = metrics;
    this.blocking = blocking;
    metrics.oldestToolCall(this::oldestWaitingSeconds);
  }

  /** Saves the arguments on a worker; {@code done} then runs on {@code context}, always once. */
  void save(
      String arguments,
      String callSid,
      Language language,
      Context context,
      Consumer<ToolOutcome> done) {
    Object call = new Object();
    waiting.put(call, System.nanoTime());
    Runnable save =
        () -> {
          ToolOutcome outcome = saveGuarded(arguments, callSid, language);
          context.runOnContext(
              v -> {
                waiting.remove(call);
                done.accept(outcome);
              });
        };
    try {
      blocking.execute(save);
    } catch (RuntimeException e) {
      // the worker pool refused (shutting down): answer at once
      waiting.remove(call);
      failed(callSid, e);
      context.runOnContext(v -> done.accept(ToolOutcome.of(FAILED_OUTPUT, "failed")));
    }
  }

  private ToolOutcome saveGuarded(String arguments, String callSid, Language language) {
    ToolOutcome outcome;
    try {
      outcome = saveTool.save(arguments, Source.PHONE, callSid, language);
    } catch (RuntimeException e) {
      failed(callSid, e);
      return ToolOutcome.of(FAILED_OUTPUT, "failed");
    }
    if (outcome.unsaved() != null) {
      // the store is down: the signup waits in the outbox (or in memory), nothing is lost
      unsaved.keep(outcome.unsaved(), callSid);
    }
    return outcome;
  }

  private void failed(String callSid, RuntimeException e) {
    metrics.toolFailed(SaveWaitlistEntryTool.NAME);
    Log.errorf(e, "call %s: the save tool failed", callSid);
  }

  /** Seconds since the oldest tool call still running started; 0 when none is. */
  double oldestWaitingSeconds() {
    long now = System.nanoTime();
    long oldest = 0;
    for (long started : waiting.values()) {
      oldest = Math.max(oldest, now - started);
    }
    return oldest / 1e9;
  }
}
