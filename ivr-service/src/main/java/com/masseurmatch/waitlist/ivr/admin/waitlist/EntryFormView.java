package com.masseurmatch.waitlist.ivr.admin.waitlist;

import com.masseurmatch.waitlist.model.validation.FieldError;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import java.util.List;

/**
 * The edit page: the entry, the values in the form (as typed, after a failed save), each field's
 * error and whether the last change was saved.
 */
public record EntryFormView(
    StoredEntry entry,
    String fullName,
    String phone,
    String email,
    String role,
    List<FieldError> errors,
    String reasonError,
    boolean saved) {

  static EntryFormView of(StoredEntry entry, boolean saved) {
    return new EntryFormView(
        entry,
        entry.fullName(),
        entry.phone(),
        entry.email(),
        entry.role().wireName(),
        List.of(),
        null,
        saved);
  }

  /** The message for a field, or {@code null}. */
  public String error(String field) {
    return errors.stream()
        .filter(e -> e.field().equals(field))
        .map(
            e ->
                e.suggestion() == null
                    ? e.ask()
                    : e.ask() + " (Did you mean " + e.suggestion() + "?)")
        .findFirst()
        .orElse(null);
  }

  /** {@code true} when the field has an error, for {@code aria-invalid}. */
  public String invalid(String field) {
    return Boolean.toString(error(field) != null);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
