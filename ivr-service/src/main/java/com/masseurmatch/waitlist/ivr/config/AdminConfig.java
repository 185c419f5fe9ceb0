package com.masseurmatch.waitlist.ivr.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** Operator access to the admin API and pages. */
@ConfigMapping(prefix = "admin")
public interface AdminConfig {

  /** {@code ADMIN_TOKEN}: the bearer token (or password) for the admin API and pages. */
  Optional<String> token();

  /** The operator console under {@code /admin}. */
  Console console();

  /** The operator console's sessions, sign-in limits and figures. */
  interface Console {

    /** {@code ADMIN_SESSION_DURATION}: how long a console sign-in lasts. */
    @WithDefault("8h")
    Duration sessionDuration();

    /** {@code ADMIN_LOGIN_ATTEMPTS}: failed sign-ins one client may make per window. */
    @WithDefault("5")
    int loginAttempts();

    /** {@code ADMIN_LOGIN_WINDOW}: the window of failed sign-ins. */
    @WithDefault("15m")
    Duration loginWindow();

    /** The original design's estimate of a 3-minute call's cost, shown beside the real one. */
    @WithDefault("0.93")
    BigDecimal estimatePerThreeMinuteCall();

    /** Days the analytics page covers unless the operator picks another period. */
    @WithDefault("90")
    int analyticsDays();

    /** Time allowed for fetching a voicemail recording from Twilio. */
    @WithDefault("10s")
    Duration recordingTimeout();
  }
}
