package com.masseurmatch.waitlist.ivr.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The console's errors and the one place that turns them into pages with an HTTP status. */
public class ConsoleErrors {

  @CheckedTemplate(basePath = "admin")
  static class Templates {
    static native TemplateInstance error(int status, String title, String message);
  }

  /** A state-changing form without this session's CSRF token: 403. */
  public static class CsrfRejectedException extends RuntimeException {
    public CsrfRejectedException() {
      super("missing or wrong CSRF token");
    }
  }

  /** No such entry, call or voicemail: 404. */
  public static class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
      super(what);
    }
  }

  /** The store or Twilio cannot answer now: 503. */
  public static class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A query parameter the console does not understand: 400. */
  public static class BadQueryException extends RuntimeException {
    public BadQueryException(String message) {
      super(message);
    }
  }

  @ServerExceptionMapper
  RestResponse<String> csrf(CsrfRejectedException e) {
    return page(
        403,
        "Refused",
        "This form has expired or did not come from the console. Reload the page and try again.");
  }

  @ServerExceptionMapper
  RestResponse<String> notFound(NotFoundException e) {
    return page(404, "Not found", e.getMessage());
  }

  @ServerExceptionMapper
  RestResponse<String> unavailable(UnavailableException e) {
    return page(503, "Unavailable", e.getMessage());
  }

  @ServerExceptionMapper
  RestResponse<String> badQuery(BadQueryException e) {
    return page(400, "Bad request", e.getMessage());
  }

  private static RestResponse<String> page(int status, String title, String message) {
    return RestResponse.ResponseBuilder.create(
            RestResponse.Status.fromStatusCode(status),
            Templates.error(status, title, message).render())
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .build();
  }
}
