package com.masseurmatch.waitlist.model.experiment;

/** An experiment definition that cannot be accepted; names the offending field. */
public class InvalidExperimentException extends RuntimeException {

  private final String field;

  public InvalidExperimentException(String field, String message) {
    super(field + " " + message);
    this.field = field;
  }

  /** The field's path in the request, e.g. {@code variants[1].settings.voice}. */
  public String field() {
    return field;
  }

  /** The message without the field's name. */
  public String reason() {
    return getMessage().substring(field.length() + 1);
  }
}
