package com.masseurmatch.waitlist.ivr.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.masseurmatch.waitlist.model.analysis.CallAnalysis;
import com.masseurmatch.waitlist.model.analysis.CallInsight;
import com.masseurmatch.waitlist.model.recording.Recording;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A call as the admin API shows it: outline, consent, recordings and analysis. */
public record CallInsightView(
    @JsonProperty("call_sid") String callSid,
    @JsonProperty("from_number") String fromNumber,
    @JsonProperty("started_at") Instant startedAt,
    @JsonProperty("ended_at") Instant endedAt,
    String path,
    String outcome,
    @JsonProperty("waitlist_id") UUID waitlistId,
    @JsonProperty("cost_usd") BigDecimal costUsd,
    Consent consent,
    List<RecordingView> recordings,
    Analysis analysis) {

  /** One page of calls. */
  public record Page(List<CallInsightView> items, int offset, int limit) {}

  /** The caller's answer to the recording question, if they were asked. */
  public record Consent(String decision, String method, Instant at) {}

  /** One recording; {@code audio} is the service's own playback URL, never Twilio's. */
  public record RecordingView(
      @JsonProperty("recording_sid") String recordingSid,
      String kind,
      String status,
      Integer channels,
      @JsonProperty("duration_s") Integer durationS,
      @JsonProperty("consent_at") Instant consentAt,
      @JsonProperty("consent_method") String consentMethod,
      @JsonProperty("created_at") Instant createdAt,
      String audio) {}

  /** The analysis' status, result, model and cost. */
  public record Analysis(
      String status,
      String summary,
      Double sentiment,
      Integer satisfaction,
      @JsonProperty("outcome_reason") String outcomeReason,
      @JsonProperty("follow_up") Boolean followUp,
      @JsonProperty("follow_up_reason") String followUpReason,
      String language,
      String model,
      Map<String, Long> usage,
      @JsonProperty("cost_usd") BigDecimal costUsd,
      String error,
      @JsonProperty("analyzed_at") Instant analyzedAt) {}

  static CallInsightView of(CallInsight c, List<Recording> recordings) {
    CallAnalysis a = c.analysis();
    return new CallInsightView(
        c.callSid(),
        c.fromNumber(),
        c.startedAt(),
        c.endedAt(),
        c.path(),
        c.outcome(),
        c.waitlistId(),
        c.costUsd(),
        c.recordingConsent() == null
            ? null
            : new Consent(c.recordingConsent(), c.recordingConsentMethod(), c.recordingConsentAt()),
        recordings.stream()
            .map(
                r ->
                    new RecordingView(
                        r.recordingSid(),
                        r.kind(),
                        r.status(),
                        r.channels(),
                        r.durationS(),
                        r.consentAt(),
                        r.consentMethod(),
                        r.createdAt(),
                        r.playable() ? "/api/admin/recordings/" + r.recordingSid() + ".mp3" : null))
            .toList(),
        c.analysisStatus() == null
            ? null
            : new Analysis(
                c.analysisStatus(),
                a == null ? null : a.summary(),
                a == null ? null : a.sentiment(),
                a == null ? null : a.satisfaction(),
                a == null ? null : a.outcomeReason(),
                a == null ? null : a.followUp(),
                a == null ? null : a.followUpReason(),
                a == null ? null : a.language(),
                c.analysisModel(),
                c.analysisUsage(),
                c.analysisCostUsd(),
                c.analysisError(),
                c.analyzedAt()));
  }
}
