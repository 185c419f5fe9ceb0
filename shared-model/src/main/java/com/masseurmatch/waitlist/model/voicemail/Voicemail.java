package com.masseurmatch.waitlist.model.voicemail;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code voicemails}, keyed by the recording SID. Fields left {@code null} in an upsert
 * keep their stored value, so the recording and transcription callbacks can arrive in any order.
 */
public record Voicemail(
    UUID id,
    String callSid,
    String fromNumber,
    String recordingSid,
    String recordingUrl,
    @JsonProperty("duration_s") Integer durationSeconds,
    String transcription,
    Instant createdAt) {}
