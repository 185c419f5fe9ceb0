package com.masseurmatch.waitlist.model.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of {@code calls}. Every field but {@code callSid} may be {@code null}: an upsert only
 * writes the fields that are set, so each part of the system can record what it knows.
 *
 * @param usage token counts by kind, summed over the call (e.g. {@code input_audio_tokens})
 */
public record CallRecord(
    String callSid,
    String fromNumber,
    Instant startedAt,
    Instant endedAt,
    CallPath path,
    CallOutcome outcome,
    UUID waitlistId,
    List<TranscriptTurn> transcript,
    Map<String, Long> usage,
    BigDecimal costUsd) {

  /** A record holding only the call SID, to build on with the {@code with...} methods. */
  public static CallRecord of(String callSid) {
    return new CallRecord(callSid, null, null, null, null, null, null, null, null, null);
  }

  public CallRecord withFrom(String from) {
    return new CallRecord(
        callSid, from, startedAt, endedAt, path, outcome, waitlistId, transcript, usage, costUsd);
  }

  public CallRecord withStartedAt(Instant at) {
    return new CallRecord(
        callSid, fromNumber, at, endedAt, path, outcome, waitlistId, transcript, usage, costUsd);
  }

  public CallRecord withEndedAt(Instant at) {
    return new CallRecord(
        callSid, fromNumber, startedAt, at, path, outcome, waitlistId, transcript, usage, costUsd);
  }

  public CallRecord withPath(CallPath newPath) {
    return new CallRecord(
        callSid,
        fromNumber,
        startedAt,
        endedAt,
        newPath,
        outcome,
        waitlistId,
        transcript,
        usage,
        costUsd);
  }

  public CallRecord withOutcome(CallOutcome newOutcome) {
    return new CallRecord(
        callSid,
        fromNumber,
        startedAt,
        endedAt,
        path,
        newOutcome,
        waitlistId,
        transcript,
        usage,
        costUsd);
  }

  public CallRecord withWaitlistId(UUID id) {
    return new CallRecord(
        callSid, fromNumber, startedAt, endedAt, path, outcome, id, transcript, usage, costUsd);
  }

  public CallRecord withTranscript(List<TranscriptTurn> turns) {
    return new CallRecord(
        callSid, fromNumber, startedAt, endedAt, path, outcome, waitlistId, turns, usage, costUsd);
  }

  public CallRecord withUsage(Map<String, Long> tokens, BigDecimal cost) {
    return new CallRecord(
        callSid,
        fromNumber,
        startedAt,
        endedAt,
        path,
        outcome,
        waitlistId,
        transcript,
        tokens,
        cost);
  }
}
