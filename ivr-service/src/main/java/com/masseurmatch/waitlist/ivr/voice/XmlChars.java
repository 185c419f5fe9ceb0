package com.masseurmatch.waitlist.ivr.voice;

/**
 * The one place that makes text fit for a TwiML document: XML 1.0 cannot carry most control
 * characters (not even as {@code &#0;}), unpaired surrogates or U+FFFE/U+FFFF, so they are dropped;
 * tabs and line breaks, which XML keeps, become spaces, as they mean nothing to a {@code <Say>} or
 * an attribute. Everything the IVR writes into TwiML from a request goes through {@link #text}.
 */
public final class XmlChars {

  private XmlChars() {}

  /** The text with only characters XML 1.0 allows; null stays null. */
  public static String text(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      int width = Character.charCount(cp);
      boolean keep = allowed(cp) && cp != '\t' && cp != '\n' && cp != '\r';
      if (!keep && out == null) {
        out = new StringBuilder(value.length()).append(value, 0, i);
      }
      if (out != null) {
        if (keep) {
          out.appendCodePoint(cp);
        } else if (cp == '\t' || cp == '\n' || cp == '\r') {
          out.append(' ');
        }
      }
      i += width;
    }
    return out == null ? value : out.toString();
  }

  /** XML 1.0's {@code Char} production. */
  static boolean allowed(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
