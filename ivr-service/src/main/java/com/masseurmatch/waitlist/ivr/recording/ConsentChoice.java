package com.masseurmatch.waitlist.ivr.recording;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The caller's answer to the recording question, by key (1 yes, 2 no) or by voice, in English,
 * Spanish or French.
 */
public enum ConsentChoice {
  YES,
  NO,
  NONE;

  public static ConsentChoice of(String digits, String speech) {
    if (digits != null && !digits.isBlank()) {
      return switch (digits.trim()) {
        case "1" -> YES;
        case "2" -> NO;
        default -> NONE;
      };
    }
    if (speech == null || speech.isBlank()) {
      return NONE;
    }
    // accents off ("sí" -> "si"), then letters, digits and apostrophes only
    String plain =
        Normalizer.normalize(speech.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    String said = " " + plain.replaceAll("[^a-z0-9' ]", " ") + " ";
    // a refusal wins over a yes in the same answer ("no, I don't agree", "non, pas d'accord")
    if (said.matches(
        ".*\\b(no|nope|don't|dont|do not|not ok|not okay|decline|refuse|two|2"
            + "|dos|non|pas|deux|refuso|rechazo)\\b.*")) {
      return NO;
    }
    if (said.matches(
        ".*\\b(yes|yeah|yep|sure|ok|okay|agree|fine|allow|one|1"
            + "|si|claro|vale|acuerdo|uno|oui|ouais|accord|bien sur)\\b.*")) {
      return YES;
    }
    return NONE;
  }
}
