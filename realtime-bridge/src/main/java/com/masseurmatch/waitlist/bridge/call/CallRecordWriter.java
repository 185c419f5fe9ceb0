package com.masseurmatch.waitlist.bridge.call;

import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.experiment.ModelPrices;
import com.masseurmatch.waitlist.model.recording.RecordingJobs;
import com.masseurmatch.waitlist.model.store.StoreException;
import com.masseurmatch.waitlist.model.text.Language;
import io.quarkus.logging.Log;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One call's row in {@code calls}, as the bridge knows it: the signup as soon as it is saved, what
 * was collected before the call goes to the fallback, and the whole call when it ends. Writes run
 * on worker threads; a store that is down costs the row (logged), never the signup, which is in the
 * waitlist or the outbox.
 */
final class CallRecordWriter {

  private final CallServices services;
  private final String callSid;
  private final String caller;
  private final String language;
  private final Instant startedAt;
  private final UUID experimentId;
  private final String variant;
  private ModelPrices.Prices prices;

  CallRecordWriter(
      CallServices services,
      String callSid,
      String caller,
      String language,
      Instant startedAt,
      UUID experimentId,
      String variant) {
    this.services = services;
    this.callSid = callSid;
    this.caller = caller;
    this.language = language;
    this.startedAt = startedAt;
    this.experimentId = experimentId;
    this.variant = experimentId == null ? null : variant;
    this.prices = services.variants.configured(Language.of(language)).prices();
  }

  /** The prices of the model the call's session runs on. */
  void pricedAt(ModelPrices.Prices modelPrices) {
    this.prices = modelPrices;
  }

  /** Right after the save, on a worker: the IVR reads this when the stream ends. */
  void signedUpLater(UUID waitlistId) {
    services.blocking.execute(() -> signedUp(waitlistId));
  }

  private void signedUp(UUID waitlistId) {
    try {
      services.callRecords.upsert(
          CallRecord.of(callSid)
              .withPath(CallPath.REALTIME)
              .withOutcome(CallOutcome.SIGNED_UP)
              .withWaitlistId(waitlistId));
    } catch (StoreException e) {
      // the record written when the call ends carries it too
      Log.warnf("call %s: could not record the signup on the call: %s", callSid, e.getMessage());
    }
  }

  /** What the fallback goes on from: the caller, whether they signed up, the fields so far. */
  CallRecord beforeRedirect(boolean signedUp, Map<String, String> collected) {
    return CallRecord.of(callSid)
        .withFrom(caller)
        .withLanguage(language)
        .withVariant(experimentId, variant)
        .withPath(CallPath.REALTIME)
        .withOutcome(signedUp ? CallOutcome.SIGNED_UP : CallOutcome.FAILED)
        .withCollected(Map.copyOf(collected));
  }

  /**
   * The whole call. A redirected call goes on in the fallback, which owns its path, outcome and end
   * from then on.
   */
  CallRecord atEnd(
      UUID waitlistId,
      List<TranscriptTurn> transcript,
      UsageTotals usage,
      Map<String, String> collected,
      CallOutcome outcome,
      boolean redirected) {
    CallRecord known =
        CallRecord.of(callSid)
            .withFrom(caller)
            .withLanguage(language)
            .withStartedAt(startedAt)
            .withVariant(experimentId, variant)
            .withWaitlistId(waitlistId)
            .withTranscript(List.copyOf(transcript))
            .withUsage(usage.toMap(), usage.cost(prices))
            .withCollected(collected.isEmpty() ? null : Map.copyOf(collected));
    return redirected
        ? known
        : known
            .withEndedAt(services.clock.instant())
            .withPath(CallPath.REALTIME)
            .withOutcome(outcome);
  }

  /** Writes on a worker thread. */
  void writeLater(CallRecord record) {
    services.blocking.execute(() -> write(record));
  }

  /**
   * Writes on this thread (a worker's). A record with a transcript is the call's last from the
   * bridge: its analysis is queued, for ivr-service to run.
   */
  void write(CallRecord record) {
    try {
      services.callRecords.upsert(record);
    } catch (StoreException e) {
      Log.errorf("call %s: could not write the call record: %s", callSid, e.getMessage());
      return;
    }
    if (services.jobs != null && record.transcript() != null && !record.transcript().isEmpty()) {
      try {
        RecordingJobs.enqueueAnalysis(services.jobs, callSid, null);
      } catch (StoreException e) {
        Log.warnf("call %s: could not queue the call's analysis: %s", callSid, e.getMessage());
      }
    }
  }
}
