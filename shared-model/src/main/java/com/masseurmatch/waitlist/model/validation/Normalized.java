package com.masseurmatch.waitlist.model.validation;

/**
 * The result of normalising one field: a value, or the error that prevented it.
 *
 * <p>A valid value may still carry a {@code warning}, such as a likely typo in an e-mail domain
 * that should be confirmed with the caller rather than silently changed.
 */
public record Normalized<T>(T value, FieldError error, FieldError warning) {

  public static <T> Normalized<T> ok(T value) {
    return new Normalized<>(value, null, null);
  }

  public static <T> Normalized<T> okWithWarning(T value, FieldError warning) {
    return new Normalized<>(value, null, warning);
  }

  public static <T> Normalized<T> fail(FieldError error) {
    return new Normalized<>(null, error, null);
  }

  public boolean isValid() {
    return error == null;
  }
}
