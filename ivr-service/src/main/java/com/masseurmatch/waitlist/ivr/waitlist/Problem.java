package com.masseurmatch.waitlist.ivr.waitlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 {@code application/problem+json} body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, List<InvalidField> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field: its name, a machine-readable reason, and what to fix. */
  public record InvalidField(String field, String reason, String message, String suggestion) {}
}
