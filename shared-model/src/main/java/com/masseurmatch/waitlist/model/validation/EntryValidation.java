package com.masseurmatch.waitlist.model.validation;

import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import java.util.List;
import java.util.Map;

/**
 * The result of validating a whole signup: the entry when every field is valid, otherwise every
 * field error; warnings (likely typos) may accompany a valid entry. {@code validFields} holds the
 * normalised value of each field that passed on its own ({@code full_name}, {@code phone}, {@code
 * email}, {@code role}), even when others failed.
 */
public record EntryValidation(
    WaitlistEntry entry,
    List<FieldError> errors,
    List<FieldError> warnings,
    Map<String, String> validFields) {

  public boolean isValid() {
    return errors.isEmpty();
  }
}
