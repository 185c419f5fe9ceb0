package com.masseurmatch.waitlist.model.validation;

import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import java.util.List;

/**
 * The result of validating a whole signup: the entry when every field is valid, otherwise every
 * field error; warnings (likely typos) may accompany a valid entry.
 */
public record EntryValidation(
    WaitlistEntry entry, List<FieldError> errors, List<FieldError> warnings) {

  public boolean isValid() {
    return errors.isEmpty();
  }
}
