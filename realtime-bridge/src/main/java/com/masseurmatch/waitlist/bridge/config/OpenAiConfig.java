package com.masseurmatch.waitlist.bridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/** The OpenAI Realtime connection and Knotty's session (environment variables OPENAI_*). */
@ConfigMapping(prefix = "openai")
public interface OpenAiConfig {

  /** {@code OPENAI_API_KEY}; without it the bridge reports not ready and takes no calls. */
  Optional<String> apiKey();

  /** {@code OPENAI_REALTIME_URL}: the Realtime WebSocket endpoint. */
  @WithDefault("wss://api.openai.com/v1/realtime")
  URI realtimeUrl();

  /** {@code OPENAI_REALTIME_MODEL}: a GA Realtime model. */
  @WithDefault("gpt-realtime")
  String realtimeModel();

  /** {@code OPENAI_PROMPT_ID}: a stored prompt to use instead of the built-in instructions. */
  Optional<String> promptId();

  /** {@code OPENAI_PROMPT_VERSION}: the stored prompt's version (latest when unset). */
  Optional<String> promptVersion();

  /** {@code OPENAI_VOICE}: Knotty's voice. */
  @WithDefault("marin")
  String voice();

  /** {@code OPENAI_TRANSCRIPTION_MODEL}: model for the caller's input transcription. */
  @WithDefault("gpt-4o-mini-transcribe")
  String transcriptionModel();

  /** How long to wait for the Realtime socket to open. */
  @WithDefault("5s")
  Duration connectTimeout();

  /** Turn detection: how OpenAI decides that the caller finished speaking. */
  TurnDetection turnDetection();

  /** USD per million tokens, for the call's cost estimate (list prices unless set). */
  Prices prices();

  /** Turn-detection settings. */
  interface TurnDetection {

    /** {@code server_vad} or {@code semantic_vad}. */
    @WithDefault("server_vad")
    String type();

    /** server_vad: speech probability threshold 0..1. */
    @WithDefault("0.5")
    double threshold();

    /** server_vad: audio kept before detected speech. */
    @WithDefault("300")
    int prefixPaddingMs();

    /** server_vad: silence that ends a turn. */
    @WithDefault("500")
    int silenceDurationMs();

    /** semantic_vad: low, medium, high or auto. */
    @WithDefault("auto")
    String eagerness();
  }

  /**
   * Token prices in USD per million tokens for the configured model, each overriding its list price
   * ({@code ModelPrices}); other models an experiment chooses are priced at their list prices.
   */
  interface Prices {

    @WithName("audio-input")
    OptionalDouble audioInput();

    @WithName("audio-cached-input")
    OptionalDouble audioCachedInput();

    @WithName("audio-output")
    OptionalDouble audioOutput();

    @WithName("text-input")
    OptionalDouble textInput();

    @WithName("text-cached-input")
    OptionalDouble textCachedInput();

    @WithName("text-output")
    OptionalDouble textOutput();
  }
}
