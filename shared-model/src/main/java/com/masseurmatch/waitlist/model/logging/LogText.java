package com.masseurmatch.waitlist.model.logging;

/**
 * Makes a value from a request safe for one log line: control characters (CR, LF, ESC, ...) and
 * invisible format characters are written as {@code \\uXXXX}, and long values are cut, so a caller
 * can neither forge log lines nor colour a terminal.
 */
public final class LogText {

  /** Longer values are cut: a log line is not a place for a request body. */
  public static final int MAX_LENGTH = 200;

  private LogText() {}

  /** The value escaped and cut to {@link #MAX_LENGTH}. */
  public static String of(String value) {
    return escape(value, MAX_LENGTH);
  }

  /** A whole log message with its control characters escaped; null when there are none. */
  static String escapeAll(String message) {
    if (message == null || message.chars().noneMatch(LogText::unsafe)) {
      return null;
    }
    return escape(message, Integer.MAX_VALUE);
  }

  private static boolean unsafe(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  private static String escape(String value, int max) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 8);
    for (int i = 0; i < value.length() && out.length() < max; i++) {
      char c = value.charAt(i);
      if (unsafe(c) && !(Character.isSurrogate(c) && validPair(value, i))) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.length() >= max && value.length() > max ? out + "…" : out.toString();
  }

  private static boolean validPair(String value, int i) {
    char c = value.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
  }
}
