package com.masseurmatch.waitlist.model.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Caller-facing sentences, one resource file per language ({@code <base>_<code>.properties},
 * UTF-8). A sentence names the brand and the assistant as {@code {brand}} and {@code {assistant}},
 * filled in from configuration, and its own values as {@code {name}}. A key missing in a language
 * is a fault (the catalog test finds it); English answers for it meanwhile.
 */
public final class TextCatalog {

  private final String base;
  private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

  /** Loads {@code <base>_en.properties} and the others, with the brand's names filled in. */
  public TextCatalog(String base, String brand, String assistant) {
    this.base = base;
    for (Language language : Language.values()) {
      Properties raw = load(base, language);
      Properties filled = new Properties();
      raw.forEach(
          (key, value) ->
              filled.setProperty(
                  (String) key,
                  ((String) value).replace("{brand}", brand).replace("{assistant}", assistant)));
      texts.put(language, filled);
    }
  }

  /**
   * The sentence for {@code key} in {@code language}, with {@code values} ({@code name, value...}).
   */
  public String text(Language language, String key, String... values) {
    String text = texts.get(language).getProperty(key);
    if (text == null) {
      text = texts.get(Language.EN).getProperty(key);
    }
    if (text == null) {
      throw new IllegalStateException("no text " + key + " in " + base);
    }
    for (int i = 0; i + 1 < values.length; i += 2) {
      text = text.replace("{" + values[i] + "}", values[i + 1] == null ? "" : values[i + 1]);
    }
    return text;
  }

  /** The keys a language's file holds. */
  public Set<String> keys(Language language) {
    return new TreeSet<>(texts.get(language).stringPropertyNames());
  }

  /** Every sentence of a language's file, as loaded (brand and assistant filled in). */
  public Map<String, String> all(Language language) {
    Map<String, String> all = new java.util.TreeMap<>();
    texts.get(language).forEach((key, value) -> all.put((String) key, (String) value));
    return all;
  }

  /** The raw file of a language, as written (placeholders not filled in), for checks. */
  public static Properties load(String base, Language language) {
    Properties properties = new Properties();
    String path = base + "_" + language.code() + ".properties";
    try (InputStream in = TextCatalog.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing text catalog " + path);
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
