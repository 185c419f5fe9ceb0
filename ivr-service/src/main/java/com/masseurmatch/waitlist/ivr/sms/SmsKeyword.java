package com.masseurmatch.waitlist.ivr.sms;

import com.masseurmatch.waitlist.model.text.Language;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * What an inbound SMS asks for, by its first word (case, accents and punctuation ignored), in
 * English, Spanish or French: STOP/ALTO/ARRÊT, START/INICIO/DÉBUT, HELP/AYUDA/AIDE,
 * CONFIRM/CONFIRMAR/CONFIRMER.
 */
public enum SmsKeyword {
  OPT_OUT,
  OPT_IN,
  HELP,
  CONFIRM,
  OTHER;

  /** A keyword and the language its word is in. */
  private record Word(SmsKeyword keyword, Language language) {}

  private static final Map<String, Word> WORDS =
      Map.ofEntries(
          Map.entry("STOP", new Word(OPT_OUT, Language.EN)),
          Map.entry("STOPALL", new Word(OPT_OUT, Language.EN)),
          Map.entry("UNSUBSCRIBE", new Word(OPT_OUT, Language.EN)),
          Map.entry("CANCEL", new Word(OPT_OUT, Language.EN)),
          Map.entry("END", new Word(OPT_OUT, Language.EN)),
          Map.entry("QUIT", new Word(OPT_OUT, Language.EN)),
          Map.entry("ALTO", new Word(OPT_OUT, Language.ES)),
          Map.entry("PARAR", new Word(OPT_OUT, Language.ES)),
          Map.entry("ARRET", new Word(OPT_OUT, Language.FR)),
          Map.entry("START", new Word(OPT_IN, Language.EN)),
          Map.entry("UNSTOP", new Word(OPT_IN, Language.EN)),
          Map.entry("YES", new Word(OPT_IN, Language.EN)),
          Map.entry("INICIO", new Word(OPT_IN, Language.ES)),
          Map.entry("DEBUT", new Word(OPT_IN, Language.FR)),
          Map.entry("HELP", new Word(HELP, Language.EN)),
          Map.entry("INFO", new Word(HELP, Language.EN)),
          Map.entry("AYUDA", new Word(HELP, Language.ES)),
          Map.entry("AIDE", new Word(HELP, Language.FR)),
          Map.entry("CONFIRM", new Word(CONFIRM, Language.EN)),
          Map.entry("CONFIRMAR", new Word(CONFIRM, Language.ES)),
          Map.entry("CONFIRMER", new Word(CONFIRM, Language.FR)));

  /**
   * The keyword of a message; Twilio's {@code OptOutType} (STOP, START, HELP), sent when Advanced
   * Opt-Out handled the message, wins over the text.
   */
  public static SmsKeyword of(String body, String optOutType) {
    if (optOutType != null && !optOutType.isBlank()) {
      SmsKeyword reported = word(optOutType).keyword();
      if (reported != OTHER) {
        return reported;
      }
    }
    return body == null ? OTHER : word(body).keyword();
  }

  /** The language of the message's keyword; English for English words and anything else. */
  public static Language language(String body) {
    return body == null ? Language.EN : word(body).language();
  }

  private static Word word(String text) {
    String first =
        Normalizer.normalize(text.strip().split("\\s+", 2)[0], Normalizer.Form.NFD)
            .replaceAll("[^\\p{L}]", "");
    return WORDS.getOrDefault(first.toUpperCase(Locale.ROOT), new Word(OTHER, Language.EN));
  }
}
