package com.masseurmatch.waitlist.model.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.analysis.CallAnalysis;
import com.masseurmatch.waitlist.model.analysis.CallInsight;
import com.masseurmatch.waitlist.model.job.JobStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The recordings' and analysis' contract, run on the embedded database and on PostgreSQL through
 * the migration's functions: each backend seeds rows its own way, then the same calls must give the
 * same answers.
 */
public abstract class RecordingStoreContract {

  protected abstract RecordingStore recordings();

  protected abstract AnalysisStore analysis();

  protected abstract JobStore jobs();

  /** A {@code calls} row with a transcript (when asked) and collected fields. */
  protected abstract void call(
      String callSid, String from, Instant startedAt, UUID waitlistId, boolean transcript)
      throws Exception;

  /** A {@code voicemails} row (the trigger lists its recording). */
  protected abstract void voicemail(
      String callSid, String from, String recordingSid, Instant at, String transcription)
      throws Exception;

  /** A {@code messages} row sent to {@code destination}. */
  protected abstract void message(String destination) throws Exception;

  /** How many rows of {@code table} match {@code where} (plain SQL both dialects read). */
  protected abstract long count(String table, String where) throws Exception;

  private static String sid(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void consentRequestStartAndStatusKeepTheProof() throws Exception {
    String callSid = sid("CA");
    String recordingSid = sid("RE");
    Instant at = Instant.parse("2026-12-07T01:00:00Z");
    call(callSid, "+14155550101", at, null, true);
    Consent consent = new Consent(Consent.GIVEN, "key", at);
    recordings().consent(callSid, consent);
    UUID id = recordings().requested(callSid, consent);
    recordings().started(id, recordingSid, "in-progress", 2);
    assertTrue(recordings().status(recordingSid, callSid, "completed", 42, 2));
    assertFalse(recordings().status(recordingSid, sid("CA"), "completed", 42, 2));

    Recording stored = recordings().find(recordingSid).orElseThrow();
    assertEquals(
        List.of(callSid, "call", "completed", 2, 42, at, "key"),
        List.of(
            stored.callSid(),
            stored.kind(),
            stored.status(),
            stored.channels(),
            stored.durationS(),
            stored.consentAt(),
            stored.consentMethod()));
    assertEquals(List.of(stored), recordings().forCalls(List.of(callSid)));
    CallInsight insight = analysis().call(callSid).orElseThrow();
    assertEquals(
        List.of(Consent.GIVEN, "key", at),
        List.of(
            insight.recordingConsent(),
            insight.recordingConsentMethod(),
            insight.recordingConsentAt()));
  }

  @Test
  void aVoicemailsRecordingIsListedTheSameWay() throws Exception {
    String callSid = sid("CA");
    String recordingSid = sid("RE");
    voicemail(callSid, "+14155550102", recordingSid, Instant.now(), "call me");
    Recording listed = recordings().find(recordingSid).orElseThrow();
    assertEquals(
        List.of(callSid, "voicemail", "completed", "voicemail"),
        List.of(listed.callSid(), listed.kind(), listed.status(), listed.consentMethod()));
  }

  @Test
  void expiredRecordingsAreMarkedThenDeletedAndOldTranscriptsCleared() throws Exception {
    Instant old = Instant.now().minus(Duration.ofDays(400));
    String oldCall = sid("CA");
    String oldRecording = sid("RE");
    String newCall = sid("CA");
    String newRecording = sid("RE");
    voicemail(oldCall, "+14155550103", oldRecording, old, "old words");
    voicemail(newCall, "+14155550103", newRecording, Instant.now(), "new words");
    call(oldCall, "+14155550103", old, null, true);
    call(newCall, "+14155550103", Instant.now(), null, true);

    List<String> due = recordings().expire(Instant.now().minus(Duration.ofDays(90)), 100);
    assertTrue(due.contains(oldRecording), due.toString());
    assertFalse(due.contains(newRecording), due.toString());
    assertEquals(Recording.DELETING, recordings().find(oldRecording).orElseThrow().status());
    recordings().deleted(oldRecording);
    assertTrue(recordings().find(oldRecording).isEmpty());
    assertTrue(recordings().find(newRecording).isPresent());
    assertEquals(
        1, count("voicemails", "recording_sid = '" + oldRecording + "' and recording_url is null"));

    assertTrue(recordings().clearTranscripts(Instant.now().minus(Duration.ofDays(180))) >= 2);
    assertEquals(1, count("calls", "call_sid = '" + oldCall + "' and transcript is null"));
    assertEquals(1, count("calls", "call_sid = '" + newCall + "' and transcript is not null"));
    assertEquals(1, count("voicemails", "call_sid = '" + oldCall + "' and transcription is null"));
    assertEquals(
        1, count("voicemails", "call_sid = '" + newCall + "' and transcription is not null"));
  }

  @Test
  void erasureClearsEverythingHeldForAPhoneAndAnEmail() throws Exception {
    String phone = "+1415555" + (1000 + (int) (Math.random() * 8999));
    String email = "erase-" + UUID.randomUUID() + "@example.com";
    String callSid = sid("CA");
    String voicemailCall = sid("CA");
    String recordingSid = sid("RE");
    String otherCall = sid("CA");
    call(callSid, phone, Instant.now(), null, true);
    call(otherCall, "+14155550999", Instant.now(), null, true);
    voicemail(voicemailCall, phone, recordingSid, Instant.now(), "my number is...");
    Consent consent = new Consent(Consent.GIVEN, "speech", Instant.now());
    String callRecording = sid("RE");
    recordings().started(recordings().requested(callSid, consent), callRecording, "completed", 2);
    analysis()
        .save(
            callSid,
            new CallAnalysis("Ann called.", 0.5, 4, "signed_up", true, "asked", "en"),
            "gpt-4o-mini",
            Map.of("total_tokens", 10L),
            new BigDecimal("0.0001"));
    message(phone);
    message(email);
    jobs()
        .enqueue(
            "confirmation.sms",
            JsonNodeFactory.instance.objectNode().put("destination", phone),
            "erase-test:" + phone,
            null);
    RecordingJobs.enqueueAnalysis(jobs(), callSid, Instant.now().plusSeconds(3600));

    List<String> toDelete = recordings().erase(phone, email, null, null);

    assertEquals(
        List.of(callRecording, recordingSid).stream().sorted().toList(),
        toDelete.stream().sorted().toList());
    assertEquals(Recording.DELETING, recordings().find(callRecording).orElseThrow().status());
    assertEquals(
        1,
        count(
            "calls",
            "call_sid = '"
                + callSid
                + "' and transcript is null and from_number is null and analysis is null"
                + " and analysis_status = 'erased'"));
    assertEquals(1, count("calls", "call_sid = '" + otherCall + "' and transcript is not null"));
    assertEquals(
        1,
        count(
            "voicemails",
            "call_sid = '"
                + voicemailCall
                + "' and transcription is null and from_number is null"));
    assertEquals(
        0, count("messages", "destination = '" + phone + "' or destination = '" + email + "'"));
    assertEquals(
        0,
        count(
            "jobs", "dedupe_key in ('erase-test:" + phone + "', 'call.analysis:" + callSid + "')"));
  }

  @Test
  void anAnalysisIsStoredWholeAndAFailureLeavesNone() throws Exception {
    String callSid = sid("CA");
    Instant at = Instant.now().minusSeconds(60);
    call(callSid, "+14155550104", at, null, true);
    CallAnalysis result =
        new CallAnalysis(
            "Ann joined as a therapist. She was pleased.",
            0.8,
            5,
            "signed_up",
            true,
            "wants a callback",
            "en");
    assertTrue(
        analysis()
            .save(
                callSid,
                result,
                "gpt-4o-mini",
                Map.of("total_tokens", 321L),
                new BigDecimal("0.000123")));
    CallInsight stored = analysis().call(callSid).orElseThrow();
    assertEquals(result, stored.analysis());
    assertEquals(
        List.of("done", "gpt-4o-mini"), List.of(stored.analysisStatus(), stored.analysisModel()));
    assertEquals(Map.of("total_tokens", 321L), stored.analysisUsage());
    assertEquals(0, new BigDecimal("0.000123").compareTo(stored.analysisCostUsd()));
    assertTrue(analysis().calls(true, 0, 500).stream().anyMatch(c -> c.callSid().equals(callSid)));
    assertTrue(
        analysis().sentimentByDay(at.minusSeconds(86_400), at.plusSeconds(86_400)).stream()
            .anyMatch(d -> d.calls() >= 1));

    assertTrue(analysis().mark(callSid, "failed", "the reply did not match the schema"));
    CallInsight failed = analysis().call(callSid).orElseThrow();
    assertEquals(List.of("failed"), List.of(failed.analysisStatus()));
    assertEquals(null, failed.analysis());
    assertFalse(analysis().calls(true, 0, 500).stream().anyMatch(c -> c.callSid().equals(callSid)));
  }
}
