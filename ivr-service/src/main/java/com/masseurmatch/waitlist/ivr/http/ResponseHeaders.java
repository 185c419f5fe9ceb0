package com.masseurmatch.waitlist.ivr.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.ivr.waitlist.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers every answer of the public port gets, whatever produced it. API answers (personal data in
 * JSON and CSV): {@code Cache-Control: no-store} unless set, {@code X-Content-Type-Options:
 * nosniff}. HTML pages without a policy of their own (the console sets its own): a policy that
 * allows only this origin and no framing. Over HTTPS, HSTS. A body announced larger than {@code
 * quarkus.http.limits.max-body-size} is refused here with a 413 problem before it is read.
 */
@Singleton
public class ResponseHeaders {

  /** For pages that set none: this origin only, no plugins, no framing. */
  static final String DEFAULT_CSP =
      "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  static final String HSTS = "max-age=31536000";

  private final long maxBodySize;
  private final byte[] tooLarge;

  ResponseHeaders(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
      ObjectMapper json)
      throws JsonProcessingException {
    this.maxBodySize = maxBodySize.asLongValue();
    this.tooLarge =
        json.writeValueAsBytes(
            Problems.ofStatus(
                413,
                "Content Too Large",
                "The body is larger than the " + this.maxBodySize + " bytes this service takes."));
  }

  void register(@Observes Filters filters) {
    filters.register(this::handle, 100);
  }

  private void handle(RoutingContext context) {
    HttpServerRequest request = context.request();
    HttpServerResponse response = context.response();
    boolean api = request.path() != null && request.path().startsWith("/api/");
    boolean https = "https".equals(request.scheme());
    context.addHeadersEndHandler(v -> addHeaders(response, api, https));
    if (announcedTooLarge(request)) {
      response
          .setStatusCode(413)
          .putHeader("Content-Type", Problem.MEDIA_TYPE)
          .putHeader("Connection", "close")
          .end(io.vertx.core.buffer.Buffer.buffer(tooLarge));
      return;
    }
    context.next();
  }

  private boolean announcedTooLarge(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    if (length == null) {
      return false;
    }
    try {
      return Long.parseLong(length.strip()) > maxBodySize;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void addHeaders(HttpServerResponse response, boolean api, boolean https) {
    var headers = response.headers();
    if (api) {
      headers.set("X-Content-Type-Options", "nosniff");
      if (!headers.contains("Cache-Control")) {
        headers.set("Cache-Control", "no-store");
      }
    }
    String type = headers.get("Content-Type");
    if (type != null && type.startsWith("text/html")) {
      if (!headers.contains("Content-Security-Policy")) {
        headers.set("Content-Security-Policy", DEFAULT_CSP);
      }
      if (!headers.contains("X-Frame-Options")) {
        headers.set("X-Frame-Options", "DENY");
      }
      headers.set("X-Content-Type-Options", "nosniff");
    }
    if (https) {
      headers.set("Strict-Transport-Security", HSTS);
    }
  }
}
