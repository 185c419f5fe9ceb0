package com.masseurmatch.waitlist.model.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a phone number as written or spoken into E.164 with libphonenumber.
 *
 * <p>Numbers without a country code are read in the configured default region (US unless set).
 */
public final class PhoneNormalizer {

  public static final String FIELD = "phone";

  private static final Map<String, String> SPOKEN_DIGITS =
      Map.ofEntries(
          Map.entry("zero", "0"),
          Map.entry("oh", "0"),
          Map.entry("one", "1"),
          Map.entry("two", "2"),
          Map.entry("three", "3"),
          Map.entry("four", "4"),
          Map.entry("five", "5"),
          Map.entry("six", "6"),
          Map.entry("seven", "7"),
          Map.entry("eight", "8"),
          Map.entry("nine", "9"),
          Map.entry("plus", "+"));

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

  /** "four one five, five five five ..." becomes "415555..."; other text passes through. */
  static String spokenToDigits(String raw) {
    String[] words = raw.toLowerCase(Locale.ROOT).split("[\\s,]+");
    StringBuilder out = new StringBuilder(raw.length());
    for (String word : words) {
      String digit = SPOKEN_DIGITS.get(word.replaceAll("[^a-z]", ""));
      out.append(digit != null && !word.matches(".*\\d.*") ? digit : word).append(' ');
    }
    return out.toString().trim();
  }
}
