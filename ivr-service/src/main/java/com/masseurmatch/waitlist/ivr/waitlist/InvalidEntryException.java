package com.masseurmatch.waitlist.ivr.waitlist;

import com.masseurmatch.waitlist.model.validation.FieldError;
import java.util.List;

/** A signup with invalid fields; becomes a 400 problem naming each of them. */
public class InvalidEntryException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidEntryException(List<FieldError> errors) {
    super("invalid waitlist entry");
    this.errors = errors;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
