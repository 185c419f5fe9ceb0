package com.masseurmatch.waitlist.model.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The job queue (Supabase's {@code jobs} table and its functions, or the embedded database): jobs
 * are claimed under a lease, so across any number of replicas one worker at a time holds a job.
 *
 * <p>Every method blocks: call it from a worker thread, never from the event loop. Failures are
 * {@code StoreException}s.
 */
public interface JobStore {

  /** Most attempts a job gets before it ends dead, unless the table says otherwise. */
  int DEFAULT_MAX_ATTEMPTS = 8;

  /**
   * Adds a job of {@code kind} due at {@code runAt} (now when null) and returns its id; with a
   * {@code dedupeKey} already used, returns that job's id and adds nothing.
   */
  UUID enqueue(String kind, JsonNode payload, String dedupeKey, Instant runAt);

  /**
   * Claims up to {@code maxJobs} due jobs of these kinds for {@code worker}, leased for {@code
   * lease}; each claim counts an attempt. A job whose lease expired is due again.
   */
  List<Job> claim(String worker, Collection<String> kinds, int maxJobs, Duration lease);

  /** Marks the job done; false when {@code worker} no longer holds it. */
  boolean complete(UUID id, String worker);

  /**
   * Records a failed attempt: the job runs again at {@code retryAt} (now when null), or ends dead
   * when it has no attempt left; false when {@code worker} no longer holds it.
   */
  boolean fail(UUID id, String worker, String error, Instant retryAt);

  /** Puts a dead job back with a fresh set of attempts; false when no dead job has that id. */
  boolean retry(UUID id);

  /** Dead jobs, most recently failed first. */
  List<Job> dead(int limit);

  /** Counts of due, running and dead jobs. */
  JobStats stats();
}
