package com.masseurmatch.waitlist.bridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

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

  /** {@code IVR_BASE_URL}: the IVR's public base URL; live calls are redirected to its fallback. */
  Optional<URI> ivrBaseUrl();

  /** Tries to open the OpenAI socket at call start before the call goes to the fallback. */
  @WithDefault("2")
  int openaiConnectAttempts();

  /** How long OpenAI may take to send {@code session.created} after a connect attempt. */
  @WithDefault("5s")
  Duration sessionStartTimeout();

  /** Concurrent calls this instance takes; at the cap it reports not ready. */
  @WithDefault("100")
  int maxCalls();

  /** A socket must send a valid {@code start} within this time or it is closed. */
  @WithDefault("5s")
  Duration startTimeout();

  /**
   * Sockets without a valid {@code start} yet, at most; past it the oldest is closed. Twilio sends
   * {@code start} right after connecting, but a busy or freshly started bridge may take a moment to
   * read it, so this leaves room for a burst of real calls.
   */
  @WithDefault("100")
  int maxUnauthenticated();

  /** {@code BRIDGE_DRAIN_LIMIT}: on shutdown, how long live calls may continue before redirect. */
  @WithDefault("5m")
  Duration drainLimit();

  /**
   * Audio frames not yet written to one socket, at most; beyond it audio is dropped, counted. 50 is
   * a second of audio: a call that far behind is already broken, and the cap keeps an overloaded
   * bridge's memory bounded instead of running out of heap (docs/benchmarks.md).
   */
  @WithDefault("50")
  int maxPendingWrites();

  /**
   * Synthetic calls streamed through the bridge's own {@code /media-stream} at start-up, before
   * readiness goes up, so that the first callers meet compiled code; 0 skips the warm-up.
   */
  @WithDefault("16")
  int warmupCalls();

  /** How long each warm-up call streams. */
  @WithDefault("3s")
  Duration warmupLength();
}
