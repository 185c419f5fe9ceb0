package com.masseurmatch.waitlist.bridge.call;

import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.tool.ToolOutcome;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one call has produced: its transcript, token usage, the fields collected so far and the
 * signup, and from them the call's outcome and its {@code calls} row. Confined to the call's event
 * loop.
 */
final class CallLedger {

  private final String callSid;
  private final Clock clock;
  private final CallRecordWriter records;
  private final List<TranscriptTurn> transcript = new ArrayList<>();
  private final UsageTotals usage = new UsageTotals();
  private final Map<String, String> collected = new LinkedHashMap<>();
  private UUID waitlistId;
  private boolean failed;

  CallLedger(String callSid, Clock clock, CallRecordWriter records) {
    this.callSid = callSid;
    this.clock = clock;
    this.records = records;
  }

  /** A line of the conversation; blank ones are left out. */
  void said(String speaker, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    transcript.add(new TranscriptTurn(speaker, text, clock.instant()));
    Log.infof("call %s: %s: %s", callSid, speaker, Masking.text(text));
  }

  void usage(RealtimeServerEvent.Usage used) {
    usage.add(used);
  }

  /** A save tool's outcome: the fields it collected and, when saved, the signup. */
  void saved(ToolOutcome outcome) {
    collected.putAll(outcome.collected());
    if (outcome.waitlistId() != null) {
      waitlistId = outcome.waitlistId();
      records.signedUpLater(waitlistId);
    }
  }

  boolean signedUp() {
    return waitlistId != null;
  }

  /** The realtime path failed; it counts as a failed call unless the caller signed up. */
  void failed() {
    failed = waitlistId == null;
  }

  CallOutcome outcome() {
    return waitlistId != null
        ? CallOutcome.SIGNED_UP
        : failed ? CallOutcome.FAILED : CallOutcome.ABANDONED;
  }

  /** What the fallback goes on from. */
  CallRecord beforeRedirect() {
    return records.beforeRedirect(signedUp(), collected);
  }

  /** The whole call, written off the event loop. */
  void writeAtEnd(boolean redirected) {
    records.writeLater(
        records.atEnd(waitlistId, transcript, usage, collected, outcome(), redirected));
  }

  CallRecordWriter records() {
    return records;
  }
}
