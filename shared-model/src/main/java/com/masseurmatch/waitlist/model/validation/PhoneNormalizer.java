package com.masseurmatch.waitlist.model.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a phone number as written or spoken into E.164 with libphonenumber.
 *
 * <p>Numbers without a country code are read in the configured default region (US unless set).
 */
public final class PhoneNormalizer {

  public static final String FIELD = "phone";

  /** "plus" as said before a country code, in English, French and Spanish ("más"). */
  private static final List<String> PLUS_WORDS = List.of("plus", "mas");

  /** A comma or full stop after a word: the caller paused, so a spoken pair ends there. */
  private static final Pattern PAUSE = Pattern.compile("[,.;:]+$");

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final String defaultRegion;

  public PhoneNormalizer(String defaultRegion) {
    if (!util.getSupportedRegions().contains(defaultRegion)) {
      throw new IllegalArgumentException("unknown phone region: " + defaultRegion);
    }
    this.defaultRegion = defaultRegion;
  }

  public Normalized<String> normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      return Normalized.fail(
          new FieldError(FIELD, "missing", "The phone number is missing; ask for it."));
    }
    String text = spokenToDigits(raw);
    if (text.chars().noneMatch(Character::isDigit)) {
      return Normalized.fail(
          new FieldError(
              FIELD, "no_digits", "No digits were heard; ask the caller to repeat the number."));
    }
    PhoneNumber number;
    try {
      number = util.parse(text, defaultRegion);
    } catch (NumberParseException e) {
      return Normalized.fail(parseError(e));
    }
    ValidationResult possible = util.isPossibleNumberWithReason(number);
    if (possible == ValidationResult.TOO_SHORT
        || possible == ValidationResult.INVALID_LENGTH
        || possible == ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
      return Normalized.fail(
          new FieldError(
              FIELD,
              "too_short",
              "The phone number is too short; ask the caller to repeat it digit by digit,"
                  + " including the area code."));
    }
    if (possible == ValidationResult.TOO_LONG) {
      return Normalized.fail(
          new FieldError(
              FIELD,
              "too_long",
              "The phone number has too many digits; ask the caller to repeat it digit by digit."));
    }
    if (!util.isValidNumber(number)) {
      return Normalized.fail(
          new FieldError(
              FIELD,
              "invalid",
              "That is not a valid phone number; read back what you heard and ask the caller to"
                  + " correct it."));
    }
    return Normalized.ok(util.format(number, PhoneNumberFormat.E164));
  }

  private static FieldError parseError(NumberParseException e) {
    return switch (e.getErrorType()) {
      case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD ->
          new FieldError(
              FIELD,
              "too_short",
              "The phone number is too short; ask the caller to repeat it with the area code.");
      case TOO_LONG ->
          new FieldError(
              FIELD,
              "too_long",
              "The phone number has too many digits; ask the caller to repeat it.");
      case INVALID_COUNTRY_CODE ->
          new FieldError(
              FIELD,
              "invalid_country_code",
              "The country code was not recognised; ask which country the number is in.");
      default ->
          new FieldError(
              FIELD, "invalid", "That is not a phone number; ask the caller to repeat it.");
    };
  }

  /**
   * "four one five, five five five ...", "cuatro uno cinco ..." or "zéro six, douze, trente-quatre
   * ..." becomes digits; other text passes through.
   */
  static String spokenToDigits(String raw) {
    List<String> words = new ArrayList<>();
    for (String token : raw.strip().split("\\s+")) {
      boolean pause = PAUSE.matcher(token).find();
      String bare = PAUSE.matcher(token).replaceAll("");
      if (bare.chars().anyMatch(Character::isLetter)) {
        for (String part : bare.split("-")) {
          String word = SpokenWords.fold(part).replaceAll("[^a-z0-9+]", "");
          if (!word.isEmpty()) {
            words.add(PLUS_WORDS.contains(word) ? "+" : word);
          }
        }
      } else if (!bare.isEmpty()) {
        words.add(bare);
      }
      if (pause) {
        words.add(SpokenNumbers.PAUSE);
      }
    }
    List<String> digits = new ArrayList<>(SpokenNumbers.toDigits(words));
    digits.removeIf(SpokenNumbers.PAUSE::equals);
    return String.join(" ", digits);
  }
}
