package com.masseurmatch.waitlist.model.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One background job as stored in the {@code jobs} table. */
public record Job(
    UUID id,
    String kind,
    JsonNode payload,
    String dedupeKey,
    String status,
    int attempts,
    int maxAttempts,
    Instant runAt,
    String lockedBy,
    Instant lockedUntil,
    String lastError,
    Instant createdAt,
    Instant updatedAt,
    Instant finishedAt) {

  /** Waiting for its {@code run_at}. */
  public static final String QUEUED = "queued";

  /** Leased to a worker. */
  public static final String RUNNING = "running";

  /** Completed. */
  public static final String DONE = "done";

  /** Failed on every allowed attempt; waits for an operator's retry. */
  public static final String DEAD = "dead";

  /** Whether this attempt is the last one allowed. */
  public boolean lastAttempt() {
    return attempts >= maxAttempts;
  }
}
