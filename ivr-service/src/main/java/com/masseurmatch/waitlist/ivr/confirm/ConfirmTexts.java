package com.masseurmatch.waitlist.ivr.confirm;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentences of SMS, e-mail subjects and link pages, one catalog per language ({@code
 * confirm/texts_<language>.properties}), each a Qute template over the message's data. English is
 * the fallback for a missing language or key.
 */
@Singleton
public class ConfirmTexts {

  static final String FALLBACK = "en";

  private final Engine engine;
  private final Map<String, Properties> catalogs = new ConcurrentHashMap<>();
  private final Map<String, Template> parsed = new ConcurrentHashMap<>();

  ConfirmTexts(Engine engine) {
    this.engine = engine;
  }

  /** The text for {@code key} in {@code language}, filled in with {@code data}. */
  public String text(String language, String key, Map<String, Object> data) {
    String lang = language == null ? FALLBACK : language;
    String source = catalog(lang).getProperty(key);
    if (source == null) {
      lang = FALLBACK;
      source = catalog(FALLBACK).getProperty(key);
    }
    if (source == null) {
      throw new IllegalStateException("no text for " + key);
    }
    String template = source;
    return parsed
        .computeIfAbsent(lang + ":" + key, k -> engine.parse(template))
        .data(data)
        .render()
        .strip();
  }

  private Properties catalog(String language) {
    return catalogs.computeIfAbsent(language, ConfirmTexts::load);
  }

  private static Properties load(String language) {
    Properties properties = new Properties();
    String path = "/confirm/texts_" + language + ".properties";
    try (InputStream in = ConfirmTexts.class.getResourceAsStream(path)) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
