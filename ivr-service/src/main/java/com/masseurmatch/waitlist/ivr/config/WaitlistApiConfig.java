package com.masseurmatch.waitlist.ivr.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The public waitlist API (web-form signups). */
@ConfigMapping(prefix = "waitlist-api")
public interface WaitlistApiConfig {

  /** Signups one client (by IP address) may post per window. */
  @WithDefault("10")
  int rateLimitRequests();

  /** The rate-limit window. */
  @WithDefault("1m")
  Duration rateLimitWindow();

  /** Most rows a CSV export holds. */
  @WithDefault("50000")
  int exportLimit();
}
