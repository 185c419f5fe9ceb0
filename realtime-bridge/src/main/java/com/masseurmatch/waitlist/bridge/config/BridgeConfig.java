package com.masseurmatch.waitlist.bridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the bridge runs calls ({@code BRIDGE_*}), grouped by concern; every key keeps its flat name
 * ({@code bridge.max-calls} is {@code BRIDGE_MAX_CALLS}).
 */
@ConfigMapping(prefix = "bridge")
public interface BridgeConfig {

  /** Each call's length and the caller's silence. */
  @WithParentName
  Calls calls();

  /** Which streams become calls. */
  @WithParentName
  Admission admission();

  /** The OpenAI session at call start. */
  @WithParentName
  OpenAi openai();

  /** Where signups wait while the store is down. */
  @WithParentName
  Outbox outbox();

  /** The start-up warm-up. */
  @WithParentName
  Warmup warmup();

  /** {@code IVR_BASE_URL}: the IVR's public base URL; live calls are redirected to its fallback. */
  Optional<URI> ivrBaseUrl();

  /**
   * {@code BRIDGE_EVENT_LOOPS}: Vert.x event loops, one per CPU; by default the processors this
   * process may use ({@link EventLoopsConfigSource}).
   */
  int eventLoops();

  /** {@code BRIDGE_DRAIN_LIMIT}: on shutdown, how long live calls may continue before redirect. */
  @WithDefault("5m")
  Duration drainLimit();

  /** Each call's length and the caller's silence. */
  interface Calls {

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

  /** Which streams become calls. */
  interface Admission {

    /**
     * Concurrent calls this instance takes; at the cap it reports not ready. As many sockets may
     * wait for their {@code start} at once; past that the oldest waiting one is closed.
     */
    @WithDefault("100")
    int maxCalls();

    /** A socket must send a valid {@code start} within this time or it is closed. */
    @WithDefault("5s")
    Duration startTimeout();
  }

  /** The OpenAI session at call start. */
  interface OpenAi {

    /** How long OpenAI may take to send {@code session.created} after a connect attempt. */
    @WithDefault("5s")
    Duration sessionStartTimeout();
  }

  /** Where signups wait while the store is down. */
  interface Outbox {

    /** How often the outbox, and signups held in memory, are retried. */
    @WithDefault("5s")
    Duration outboxInterval();
  }

  /** The start-up warm-up. */
  interface Warmup {

    /**
     * Synthetic calls streamed through the bridge's own {@code /media-stream} at start-up, before
     * readiness goes up, so that the first callers do not pay for what runs once per process (class
     * initialisation, the first connections); 0 skips the warm-up (docs/benchmarks.md).
     */
    @WithDefault("2")
    int warmupCalls();

    /** How long each warm-up call streams. */
    @WithDefault("1s")
    Duration warmupLength();
  }
}
