package com.masseurmatch.waitlist.ivr.text;

import com.masseurmatch.waitlist.model.text.BrandConfig;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.text.Resources;
import com.masseurmatch.waitlist.model.text.TextCatalog;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything the IVR says to a caller, per language: the menu, transfer and voicemail prompts, the
 * fallback assistant's lines and system prompt, and the scripted form ({@code
 * /text/voice_<code>.properties}, {@code /prompts/fallback_<code>.txt}), with the brand and the
 * assistant's names from configuration.
 */
@Singleton
public class VoiceTexts {

  public static final String CATALOG = "/text/voice";
  public static final String FALLBACK_PROMPT = "/prompts/fallback_";

  private final TextCatalog catalog;
  private final Map<Language, String> prompts = new EnumMap<>(Language.class);

  VoiceTexts(BrandConfig brand) {
    this.catalog = new TextCatalog(CATALOG, brand.name(), brand.assistant());
    for (Language language : Language.values()) {
      prompts.put(
          language,
          Resources.text(FALLBACK_PROMPT + language.code() + ".txt")
              .replace("{brand}", brand.name())
              .replace("{assistant}", brand.assistant()));
    }
  }

  /** The sentence {@code key} in {@code language}, with values given as name, value pairs. */
  public String text(Language language, String key, String... values) {
    return catalog.text(language, key, values);
  }

  /** The fallback assistant's system prompt in {@code language}. */
  public String fallbackPrompt(Language language) {
    return prompts.get(language);
  }
}
