package com.masseurmatch.waitlist.model.job;

import java.time.Duration;

/**
 * Runs jobs of one kind; a CDI bean. The runner claims only the kinds it has handlers for. A
 * handler must be idempotent: a job whose worker dies mid-run, or overruns its lease, runs again.
 */
public interface JobHandler {

  /** The kind this handler runs, e.g. {@code confirmation.sms}. */
  String kind();

  /** Does the work; an exception is a failed attempt, retried with backoff. Blocking is fine. */
  void handle(Job job) throws Exception;

  /** How long one attempt may take: the lease the runner claims with. */
  default Duration lease() {
    return Duration.ofMinutes(5);
  }
}
