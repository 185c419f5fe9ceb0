package com.masseurmatch.waitlist.bridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the bridge runs each call (BRIDGE_*). */
@ConfigMapping(prefix = "bridge")
public interface BridgeConfig {

  /** Caller frames kept while OpenAI connects (20 ms each); older ones are dropped beyond it. */
  @WithDefault("250")
  int connectBufferFrames();

  /** Largest Twilio or OpenAI text frame accepted; larger ones are counted and ignored. */
  @WithDefault("262144")
  int maxFrameBytes();

  /** A call is wrapped up at this length: a warning first, then goodbye and hang-up. */
  @WithDefault("15m")
  Duration maxCallLength();

  /** How long before the maximum Knotty warns that time is nearly up. */
  @WithDefault("1m")
  Duration maxCallWarning();

  /** Caller silence after which Knotty checks whether they are still there. */
  @WithDefault("20s")
  Duration silenceTimeout();

  /** Re-prompts for a silent caller before Knotty says goodbye. */
  @WithDefault("2")
  int silencePrompts();
}
