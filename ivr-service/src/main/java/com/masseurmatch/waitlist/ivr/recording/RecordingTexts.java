package com.masseurmatch.waitlist.ivr.recording;

import com.masseurmatch.waitlist.ivr.text.VoiceTexts;
import com.masseurmatch.waitlist.model.text.Language;
import jakarta.inject.Singleton;

/**
 * What the caller hears about recording, in the call's language: the question ({@code ask}), the
 * announcement ({@code announce}) and the answers to each decision, from the IVR's text catalog
 * ({@code recording.*} in {@code /text/voice_<code>.properties}).
 */
@Singleton
public class RecordingTexts {

  private final VoiceTexts texts;

  RecordingTexts(VoiceTexts texts) {
    this.texts = texts;
  }

  /** The sentence for {@code key} in {@code language}, with the brand filled in. */
  public String text(Language language, String key) {
    return texts.text(language, "recording." + key);
  }
}
