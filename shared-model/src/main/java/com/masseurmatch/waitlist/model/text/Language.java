package com.masseurmatch.waitlist.model.text;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages callers are served in. Stored and passed on as {@code en}, {@code es}, {@code fr}.
 */
public enum Language {
  EN("en"),
  ES("es"),
  FR("fr");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  /** The value stored in rows and passed between services. */
  public String code() {
    return code;
  }

  /** The language with this code ({@code es}, {@code ES}, {@code es-US}); empty when unknown. */
  public static Optional<Language> find(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String code = value.trim().toLowerCase(Locale.ROOT);
    int dash = code.indexOf('-');
    String base = dash > 0 ? code.substring(0, dash) : code;
    for (Language language : values()) {
      if (language.code.equals(base)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  /** The language with this code, or English when the value is missing or unknown. */
  public static Language of(String value) {
    return find(value).orElse(EN);
  }
}
