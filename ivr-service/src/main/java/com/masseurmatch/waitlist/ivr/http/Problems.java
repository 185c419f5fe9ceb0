package com.masseurmatch.waitlist.ivr.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.masseurmatch.waitlist.ivr.waitlist.Problem;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;

/** The API's problem+json bodies and the responses that carry them. */
public final class Problems {

  private Problems() {}

  /** A body that is not JSON, or JSON whose values have the wrong type (naming those fields). */
  public static Problem unreadable(JsonProcessingException e) {
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field =
          mismatch.getPath().stream()
              .map(Problems::segment)
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      return new Problem(
          "https://masseurmatch.com/problems/invalid-entry",
          "Invalid waitlist entry",
          400,
          "Some fields have the wrong type: " + field,
          List.of(
              new Problem.InvalidField(
                  field, "wrong_type", field + " must be a JSON string", null)));
    }
    return new Problem(
        null, "Bad request", 400, "The body is not the well-formed JSON object expected.", null);
  }

  private static String segment(JsonMappingException.Reference reference) {
    return reference.getFieldName() != null
        ? reference.getFieldName()
        : "[" + reference.getIndex() + "]";
  }

  /** The problem for an HTTP status without more to say. */
  public static Problem ofStatus(int status, String title, String detail) {
    return new Problem(null, title, status, detail, null);
  }

  /** A problem+json response with {@code body} and its status. */
  public static RestResponse<Problem> response(Problem body) {
    return builder(body).build();
  }

  /** A problem+json response for an HTTP status without more to say. */
  public static RestResponse<Problem> response(int status, String title, String detail) {
    return response(ofStatus(status, title, detail));
  }

  /** A problem+json response with {@code body} and its status, to add headers to. */
  public static RestResponse.ResponseBuilder<Problem> builder(Problem body) {
    return RestResponse.ResponseBuilder.create(
            RestResponse.Status.fromStatusCode(body.status()), body)
        .type(Problem.MEDIA_TYPE);
  }
}
