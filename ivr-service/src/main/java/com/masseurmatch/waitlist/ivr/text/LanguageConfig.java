package com.masseurmatch.waitlist.ivr.text;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The languages the phone menu offers ({@code IVR_LANGUAGES}, {@code IVR_NUMBER_LANGUAGES}) and,
 * per language, its switch key, TwiML locale, {@code <Say>} voice and team number ({@code
 * IVR_LANGUAGE_<CODE>_*}; defaults in application.properties).
 */
@ConfigMapping(prefix = "languages")
public interface LanguageConfig {

  /** {@code IVR_LANGUAGES}: the languages offered, the first one the default. */
  @WithDefault("en,es,fr")
  List<String> offered();

  /**
   * {@code IVR_NUMBER_LANGUAGES}: a dialled number's own default language, e.g. {@code
   * +14155550100=es,+15145550100=fr}.
   */
  Optional<String> byNumber();

  /** Per language code ({@code en}, {@code es}, {@code fr}). */
  Map<String, Spoken> spoken();

  /** How one language is offered and spoken. */
  interface Spoken {

    /** The menu key that switches to this language. */
    Optional<String> key();

    /** The TwiML {@code language} of {@code <Say>} and {@code <Gather>}, e.g. {@code es-US}. */
    String locale();

    /** The {@code <Say>} voice, e.g. {@code Polly.Lupe}. */
    String voice();

    /** The team's number for callers in this language; the general one when unset. */
    Optional<String> teamNumber();
  }
}
