package com.masseurmatch.waitlist.ivr.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** OpenAI as the IVR uses it: the key, and Chat Completions for the fallback assistant. */
@ConfigMapping(prefix = "openai")
public interface OpenAiKeyConfig {

  /** {@code OPENAI_API_KEY}. */
  Optional<String> apiKey();

  /** {@code OPENAI_BASE_URL}: Chat Completions for the fallback assistant. */
  @WithDefault("https://api.openai.com/v1")
  URI baseUrl();

  /** {@code OPENAI_CHAT_MODEL}: the model behind the fallback assistant. */
  @WithDefault("gpt-4o-mini")
  String chatModel();

  /** Time allowed for one Chat Completions answer (a caller is waiting on the line). */
  @WithDefault("6s")
  Duration chatTimeout();

  /** Chat turns before the fallback switches to the scripted form. */
  @WithDefault("12")
  int chatMaxTurns();
}
