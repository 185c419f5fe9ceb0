package com.masseurmatch.waitlist.ivr.sms;

import java.util.Locale;
import java.util.Set;

/** What an inbound SMS asks for, by its first word (case and punctuation ignored). */
public enum SmsKeyword {
  OPT_OUT,
  OPT_IN,
  HELP,
  CONFIRM,
  OTHER;

  private static final Set<String> OUT =
      Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
  private static final Set<String> IN = Set.of("START", "UNSTOP", "YES");
  private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

  /**
   * The keyword of a message; Twilio's {@code OptOutType} (STOP, START, HELP), sent when Advanced
   * Opt-Out handled the message, wins over the text.
   */
  public static SmsKeyword of(String body, String optOutType) {
    if (optOutType != null && !optOutType.isBlank()) {
      SmsKeyword reported = word(optOutType);
      if (reported != OTHER) {
        return reported;
      }
    }
    return body == null ? OTHER : word(body);
  }

  private static SmsKeyword word(String text) {
    String first = text.strip().split("\\s+", 2)[0].replaceAll("[^\\p{L}]", "");
    String upper = first.toUpperCase(Locale.ROOT);
    if (OUT.contains(upper)) {
      return OPT_OUT;
    }
    if (IN.contains(upper)) {
      return OPT_IN;
    }
    if (HELP_WORDS.contains(upper)) {
      return HELP;
    }
    return "CONFIRM".equals(upper) ? CONFIRM : OTHER;
  }
}
