package com.masseurmatch.waitlist.bridge.config;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * Knotty per language ({@code en}, {@code es}, {@code fr}; environment variables {@code
 * KNOTTY_<SETTING>_<CODE>}, mapped in application.properties). Unset settings fall back to the
 * built-in prompt of the language, {@code OPENAI_VOICE}, and the language's own code for
 * transcription; English also falls back to {@code OPENAI_PROMPT_ID}/{@code OPENAI_PROMPT_VERSION}.
 */
@ConfigMapping(prefix = "knotty")
public interface KnottyLanguagesConfig {

  /** Settings by language code. */
  Map<String, Language> language();

  /** One language's settings. */
  interface Language {

    /** A prompt file on disk replacing the built-in {@code prompts/knotty_<code>.txt}. */
    Optional<String> promptFile();

    /** A stored prompt (id) for this language, instead of the instructions. */
    Optional<String> promptId();

    /** The stored prompt's version (latest when unset). */
    Optional<String> promptVersion();

    /** Knotty's voice in this language. */
    Optional<String> voice();

    /** The caller's language for input transcription (ISO-639-1). */
    Optional<String> transcriptionLanguage();
  }
}
