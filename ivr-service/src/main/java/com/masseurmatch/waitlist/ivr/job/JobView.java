package com.masseurmatch.waitlist.ivr.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.masseurmatch.waitlist.model.job.Job;
import java.time.Instant;
import java.util.UUID;

/** A job as the admin API shows it (no payload: it may hold personal data). */
public record JobView(
    UUID id,
    String kind,
    String status,
    int attempts,
    @JsonProperty("max_attempts") int maxAttempts,
    @JsonProperty("last_error") String lastError,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  static JobView of(Job job) {
    return new JobView(
        job.id(),
        job.kind(),
        job.status(),
        job.attempts(),
        job.maxAttempts(),
        job.lastError(),
        job.createdAt(),
        job.updatedAt());
  }
}
