package com.masseurmatch.waitlist.model.validation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds a transcribed word for matching: lower case, accents removed ("Guión" is "guion"). */
final class SpokenWords {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private SpokenWords() {}

  static String fold(String word) {
    String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("");
  }
}
