package com.masseurmatch.waitlist.model.validation;

/**
 * Removes what a person's name never contains but an attacker or a broken transcriber can send:
 * control characters (line breaks and tabs become a space), invisible format characters such as the
 * bidirectional overrides (U+202E) and zero-width marks, unpaired surrogates, and Unicode
 * noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF). What is left can be stored, exported, spoken and
 * written into XML 1.0.
 */
public final class UnsafeCharacters {

  private UnsafeCharacters() {}

  /** The text without those characters; null stays null. */
  public static String strip(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      int width = Character.charCount(cp);
      String replacement = replacement(cp);
      if (replacement != null && out == null) {
        out = new StringBuilder(raw.length()).append(raw, 0, i);
      }
      if (out != null) {
        if (replacement == null) {
          out.appendCodePoint(cp);
        } else {
          out.append(replacement);
        }
      }
      i += width;
    }
    return out == null ? raw : out.toString();
  }

  /** Null to keep the code point, otherwise what it becomes. */
  private static String replacement(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
      return " ";
    }
    int type = Character.getType(cp);
    if (type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || isNoncharacter(cp)) {
      return "";
    }
    return null;
  }

  static boolean isNoncharacter(int cp) {
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
  }
}
