package com.masseurmatch.waitlist.model.validation;

/**
 * One problem with one field, in a form both programs and the voice assistant can use.
 *
 * @param field the field's wire name ({@code full_name}, {@code phone}, {@code email}, {@code
 *     role})
 * @param reason a machine-readable code such as {@code missing}, {@code too_short}, {@code
 *     no_domain}
 * @param ask a sentence the assistant can act on: what to tell or re-ask the caller
 * @param suggestion a likely intended value, or {@code null}
 */
public record FieldError(String field, String reason, String ask, String suggestion) {

  public FieldError(String field, String reason, String ask) {
    this(field, reason, ask, null);
  }
}
