package com.masseurmatch.waitlist.ivr.fallback;

import com.masseurmatch.waitlist.ivr.text.VoiceTexts;
import com.masseurmatch.waitlist.model.text.Language;
import java.util.ArrayList;
import java.util.List;

/** How an address or number is read back to a caller: one character at a time. */
final class Spelling {

  private final VoiceTexts texts;
  private final Language language;

  Spelling(VoiceTexts texts, Language language) {
    this.texts = texts;
    this.language = language;
  }

  /**
   * "ann.lee@example.com" becomes "a, n, n, dot, l, e, e, at, e, x, a, m, p, l, e, dot, c, o, m" in
   * English, with "punto" and "arroba" in Spanish, "point" and "arobase" in French.
   */
  String email(String email) {
    List<String> parts = new ArrayList<>();
    for (char c : email.toCharArray()) {
      String key =
          switch (c) {
            case '@' -> "spell.at";
            case '.' -> "spell.dot";
            case '_' -> "spell.underscore";
            case '-' -> "spell.dash";
            case '+' -> "spell.plus";
            default -> null;
          };
      parts.add(key == null ? String.valueOf(c) : texts.text(language, key));
    }
    return String.join(", ", parts);
  }

  /** The last four digits, spaced out: "0, 1, 0, 0". */
  static String lastDigits(String phone) {
    String digits = phone.replaceAll("\\D", "");
    String last = digits.substring(Math.max(0, digits.length() - 4));
    return String.join(", ", last.split(""));
  }
}
