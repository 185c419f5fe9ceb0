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

  /**
   * {@code TRUST_PROXY_HEADERS}: count signups by the address in {@code X-Forwarded-For} that the
   * trusted proxies saw, rather than by the connection's peer.
   */
  @WithDefault("false")
  boolean trustProxyHeaders();

  /**
   * {@code TRUSTED_PROXY_HOPS}: how many proxies of this deployment append to {@code
   * X-Forwarded-For} (a load balancer and an ingress are two); the client is that many entries from
   * the right.
   */
  @WithDefault("1")
  int trustedProxyHops();

  /** Most rows a CSV export holds. */
  @WithDefault("50000")
  int exportLimit();
}
