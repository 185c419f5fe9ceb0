package com.masseurmatch.waitlist.ivr.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** OpenAI as the IVR uses it: whether a key exists, and the Chat Completions base URL. */
@ConfigMapping(prefix = "openai")
public interface OpenAiKeyConfig {

  /** {@code OPENAI_API_KEY}. */
  Optional<String> apiKey();

  /** {@code OPENAI_BASE_URL}: Chat Completions for the fallback assistant. */
  @WithDefault("https://api.openai.com/v1")
  URI baseUrl();
}
