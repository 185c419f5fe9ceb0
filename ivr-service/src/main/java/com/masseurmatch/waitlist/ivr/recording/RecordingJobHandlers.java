package com.masseurmatch.waitlist.ivr.recording;

import com.masseurmatch.waitlist.model.job.Job;
import com.masseurmatch.waitlist.model.job.JobHandler;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.recording.RecordingJobs;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The recordings' jobs: deleting one recording at Twilio and in the database ({@code
 * recording.delete}, retried with backoff when Twilio fails), and the daily retention run ({@code
 * recording.retention}). Logs hold SIDs and counts, never personal data.
 */
public final class RecordingJobHandlers {

  private RecordingJobHandlers() {}

  /** Deletes one recording at Twilio, then its row. */
  @Singleton
  public static class Delete implements JobHandler {

    private final TwilioRecordings twilio;
    private final RecordingStore store;

    Delete(TwilioRecordings twilio, RecordingStore store) {
      this.twilio = twilio;
      this.store = store;
    }

    @Override
    public String kind() {
      return RecordingJobs.DELETE;
    }

    @Override
    public void handle(Job job) {
      String sid = job.payload().path("recording_sid").asText();
      twilio.delete(sid);
      store.deleted(sid);
      Log.infof("recordings: %s deleted at Twilio and in the database", sid);
    }

    @Override
    public Duration lease() {
      return Duration.ofMinutes(1);
    }
  }

  /**
   * Queues the deletion of every recording older than {@code RECORDING_RETENTION_DAYS} and clears
   * transcripts older than {@code TRANSCRIPT_RETENTION_DAYS}.
   */
  @Singleton
  public static class Retention implements JobHandler {

    private final RecordingStore store;
    private final JobStore jobs;
    private final RecordingConfig config;
    private final Clock clock;

    Retention(RecordingStore store, JobStore jobs, RecordingConfig config, Clock clock) {
      this.store = store;
      this.jobs = jobs;
      this.config = config;
      this.clock = clock;
    }

    @Override
    public String kind() {
      return RecordingJobs.RETENTION;
    }

    @Override
    public void handle(Job job) {
      Instant now = clock.instant();
      Instant recordingsBefore = now.minus(Duration.ofDays(config.retentionDays()));
      int queued = 0;
      while (true) {
        List<String> due = store.expire(recordingsBefore, config.retentionBatch());
        for (String sid : due) {
          RecordingJobs.enqueueDelete(jobs, sid);
        }
        queued += due.size();
        if (due.size() < config.retentionBatch()) {
          break;
        }
      }
      int cleared =
          store.clearTranscripts(now.minus(Duration.ofDays(config.transcriptRetentionDays())));
      Log.infof(
          "recordings: retention queued %d recording deletion(s) (older than %d days) and"
              + " cleared %d transcript(s) (older than %d days)",
          queued, config.retentionDays(), cleared, config.transcriptRetentionDays());
    }
  }
}
