package com.masseurmatch.waitlist.ivr.fallback;

import java.util.ArrayList;
import java.util.List;

/** How an address or number is read back to a caller: one character at a time. */
final class Spelling {

  private Spelling() {}

  /**
   * "ann.lee@example.com" becomes "a, n, n, dot, l, e, e, at, e, x, a, m, p, l, e, dot, c, o, m".
   */
  static String email(String email) {
    List<String> parts = new ArrayList<>();
    for (char c : email.toCharArray()) {
      parts.add(
          switch (c) {
            case '@' -> "at";
            case '.' -> "dot";
            case '_' -> "underscore";
            case '-' -> "dash";
            case '+' -> "plus";
            default -> String.valueOf(c);
          });
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
