package com.masseurmatch.waitlist.ivr.recording;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.recording.RecordingJobs;
import com.masseurmatch.waitlist.model.store.StoreException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Queues one retention run per day (UTC): every instance checks each {@code
 * recording.retention-check}, and the day's dedupe key makes the first one the only one.
 */
@Singleton
public class RetentionSchedule {

  private final JobStore jobs;
  private final Clock clock;

  RetentionSchedule(JobStore jobs, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
  }

  @Scheduled(
      every = "${recording.retention-check}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void check() {
    try {
      queueToday();
    } catch (StoreException e) {
      Log.warnf("recordings: cannot queue today's retention run (%s)", e.getMessage());
    }
  }

  /** Queues today's run unless it already is; returns the day. */
  public LocalDate queueToday() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    jobs.enqueue(
        RecordingJobs.RETENTION,
        JsonNodeFactory.instance.objectNode().put("day", today.toString()),
        RecordingJobs.RETENTION + ":" + today,
        null);
    return today;
  }
}
