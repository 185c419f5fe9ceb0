package com.masseurmatch.waitlist.ivr.recording;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Call recording with consent, and how long recordings and transcripts are kept. */
@ConfigMapping(prefix = "recording")
public interface RecordingConfig {

  /** {@code RECORDING_MODE}: {@code off}, {@code ask} or {@code announce}. */
  @WithDefault("off")
  RecordingMode mode();

  /** Seconds the caller has to answer the recording question. */
  @WithDefault("6")
  int consentTimeoutSeconds();

  /** {@code RECORDING_RETENTION_DAYS}: recordings older than this are deleted, at Twilio too. */
  @WithDefault("90")
  int retentionDays();

  /** {@code TRANSCRIPT_RETENTION_DAYS}: transcripts older than this are cleared. */
  @WithDefault("180")
  int transcriptRetentionDays();

  /** How often the service checks that today's retention run is queued ({@code off} stops it). */
  @WithDefault("1h")
  String retentionCheck();

  /** Recordings marked for deletion per step of a retention run. */
  @WithDefault("200")
  int retentionBatch();
}
