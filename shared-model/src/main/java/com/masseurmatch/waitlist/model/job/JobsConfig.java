package com.masseurmatch.waitlist.model.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The background job runner. */
@ConfigMapping(prefix = "jobs")
public interface JobsConfig {

  /** How often the runner looks for due jobs ({@code off} stops it): {@code JOBS_POLL_INTERVAL}. */
  @WithDefault("5s")
  String pollInterval();

  /** Jobs claimed and run at once by one instance: {@code JOBS_CONCURRENCY}. */
  @WithDefault("4")
  int concurrency();

  /** Wait before the second attempt; doubles on each further one: {@code JOBS_FIRST_BACKOFF}. */
  @WithDefault("30s")
  Duration firstBackoff();

  /** Longest wait between two attempts: {@code JOBS_MAX_BACKOFF}. */
  @WithDefault("1h")
  Duration maxBackoff();

  /** How often the due, running and dead counts are refreshed: {@code JOBS_STATS_INTERVAL}. */
  @WithDefault("30s")
  Duration statsInterval();

  /** This instance's name in {@code locked_by} (default: host name and a random suffix). */
  Optional<String> worker();
}
