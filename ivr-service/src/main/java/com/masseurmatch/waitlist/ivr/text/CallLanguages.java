package com.masseurmatch.waitlist.ivr.text;

import com.masseurmatch.waitlist.model.text.Language;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which language a call is in: the one it carries (the {@code lang} parameter of the IVR's own
 * URLs), else the dialled number's, else the first offered; and the switch a key or a spoken
 * language name asks for.
 */
@Singleton
public class CallLanguages {

  private final List<Language> offered;
  private final Map<String, Language> byNumber = new LinkedHashMap<>();
  private final Map<Language, LanguageConfig.Spoken> spoken = new LinkedHashMap<>();

  CallLanguages(LanguageConfig config) {
    List<Language> list = new ArrayList<>();
    for (String code : config.offered()) {
      Language language =
          Language.find(code)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "IVR_LANGUAGES: unknown language '" + code + "' (en, es, fr)"));
      if (!list.contains(language)) {
        list.add(language);
      }
    }
    this.offered = List.copyOf(list);
    config
        .byNumber()
        .filter(s -> !s.isBlank())
        .ifPresent(
            pairs -> {
              for (String pair : pairs.split(",")) {
                String[] parts = pair.split("=");
                Language language = parts.length == 2 ? Language.find(parts[1]).orElse(null) : null;
                if (language == null) {
                  throw new IllegalStateException(
                      "IVR_NUMBER_LANGUAGES: expected +number=language, got '" + pair + "'");
                }
                byNumber.put(parts[0].strip(), language);
              }
            });
    for (Language language : Language.values()) {
      LanguageConfig.Spoken settings = config.spoken().get(language.code());
      if (settings == null) {
        throw new IllegalStateException("no settings for language " + language.code());
      }
      spoken.put(language, settings);
    }
  }

  /** The languages offered, the default first. */
  public List<Language> offered() {
    return offered;
  }

  /** The call's language: the carried one when offered, else the dialled number's or default. */
  public Language of(String carried, String dialled) {
    Optional<Language> language = Language.find(carried).filter(offered::contains);
    if (language.isPresent()) {
      return language.get();
    }
    Language forNumber = dialled == null ? null : byNumber.get(dialled.strip());
    return forNumber != null && offered.contains(forNumber) ? forNumber : offered.get(0);
  }

  public LanguageConfig.Spoken spoken(Language language) {
    return spoken.get(language);
  }

  /** The other offered language a key or a spoken name asks for, if any. */
  public Optional<Language> switchTo(Language current, String digits, String speech) {
    for (Language language : offered) {
      if (language == current) {
        continue;
      }
      Optional<String> key = spoken.get(language).key();
      if (digits != null && key.isPresent() && key.get().equals(digits.strip())) {
        return Optional.of(language);
      }
      if (speech != null && names(language, speech)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  private static boolean names(Language language, String speech) {
    String said =
        " "
            + java.text.Normalizer.normalize(speech, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z ]", " ")
            + " ";
    return switch (language) {
      case ES -> said.matches(".*\\b(espanol|spanish|espagnol)\\b.*");
      case FR -> said.matches(".*\\b(francais|french|frances)\\b.*");
      case EN -> said.matches(".*\\b(english|ingles|anglais)\\b.*");
    };
  }
}
