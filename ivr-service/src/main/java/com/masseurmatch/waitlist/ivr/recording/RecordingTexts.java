package com.masseurmatch.waitlist.ivr.recording;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What the caller hears about recording, from {@code recording/texts_en.properties}: the question
 * ({@code ask}), the announcement ({@code announce}) and the answers to each decision.
 */
@Singleton
public class RecordingTexts {

  private final Properties texts = new Properties();
  private final String brand;

  RecordingTexts(IvrConfig config) {
    this.brand = config.brand();
    try (InputStream in =
        RecordingTexts.class.getResourceAsStream("/recording/texts_en.properties")) {
      if (in == null) {
        throw new IllegalStateException("missing resource /recording/texts_en.properties");
      }
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sentence for {@code key}, with the brand filled in. */
  public String text(String key) {
    String text = texts.getProperty(key);
    if (text == null) {
      throw new IllegalStateException("no recording text " + key);
    }
    return text.replace("{brand}", brand);
  }
}
