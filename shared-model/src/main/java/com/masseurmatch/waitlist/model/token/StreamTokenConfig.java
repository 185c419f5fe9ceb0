package com.masseurmatch.waitlist.model.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The shared secret and lifetime of stream tokens (docs/architecture.md, "The stream token"). */
@ConfigMapping(prefix = "stream-token")
public interface StreamTokenConfig {

  /** {@code STREAM_TOKEN_SECRET}: the same value in both services, at least 32 characters. */
  Optional<String> secret();

  /**
   * {@code STREAM_TOKEN_TTL}: how long a token handed out by the IVR stays valid; long enough for
   * Twilio to open the stream after the {@code <Connect>} answer, short enough to bound a replay on
   * another bridge replica.
   */
  @WithDefault("60s")
  Duration ttl();
}
