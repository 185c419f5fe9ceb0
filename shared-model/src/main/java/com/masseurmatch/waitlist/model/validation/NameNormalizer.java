package com.masseurmatch.waitlist.model.validation;

import java.util.Locale;

/**
 * Cleans up a full name as typed or transcribed: drops control, invisible and non-characters
 * ({@link UnsafeCharacters}) and the {@code |} no name has, trims, collapses spaces, bounds its
 * length.
 */
public final class NameNormalizer {

  public static final String FIELD = "full_name";
  public static final int MAX_LENGTH = 100;

  private NameNormalizer() {}

  public static Normalized<String> normalize(String raw) {
    String cleaned = raw == null ? null : UnsafeCharacters.strip(raw).replace('|', ' ');
    if (cleaned == null || cleaned.isBlank()) {
      return Normalized.fail(
          new FieldError(
              FIELD, "missing", "The name is missing; ask the caller for their full name."));
    }
    String name = cleaned.strip().replaceAll("\\s+", " ");
    name = name.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}&&[^.'’)]]+$", "").strip();
    if (name.isEmpty() || name.codePoints().noneMatch(Character::isLetter)) {
      return Normalized.fail(
          new FieldError(
              FIELD,
              "no_letters",
              "That does not sound like a name; ask the caller for their first and last name."));
    }
    if (name.codePoints().filter(Character::isDigit).count() > 0) {
      return Normalized.fail(
          new FieldError(
              FIELD,
              "contains_digits",
              "The name contains digits; ask the caller to say their name again."));
    }
    if (name.length() > MAX_LENGTH) {
      return Normalized.fail(
          new FieldError(
              FIELD,
              "too_long",
              "The name is longer than "
                  + MAX_LENGTH
                  + " characters; ask for just the first and last name."));
    }
    if (name.equals(name.toLowerCase(Locale.ROOT))) {
      name = capitalizeWords(name);
    }
    return Normalized.ok(name);
  }

  /** Transcripts often arrive all lower-case; "john smith" becomes "John Smith". */
  private static String capitalizeWords(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean startOfWord = true;
    for (char c : name.toCharArray()) {
      out.append(startOfWord ? Character.toUpperCase(c) : c);
      startOfWord = c == ' ' || c == '-' || c == '\'';
    }
    return out.toString();
  }
}
