package com.masseurmatch.waitlist.ivr.admin.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Guards the console's pages: without a valid session a request is sent to the sign-in page; every
 * console answer carries a Content-Security-Policy that allows nothing from other origins, {@code
 * X-Frame-Options: DENY} and {@code Cache-Control: no-store}.
 */
public class ConsoleGuard {

  /** Scripts, styles, images, fonts and media from this origin only; no inline code, no frames. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; media-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private final ConsoleSessions sessions;
  private final CurrentSession current;

  ConsoleGuard(ConsoleSessions sessions, CurrentSession current) {
    this.sessions = sessions;
    this.current = current;
  }

  @ServerRequestFilter
  Optional<RestResponse<Void>> requireSession(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!isConsole(path) || path.equals("/admin/login")) {
      return Optional.empty();
    }
    Cookie cookie = request.getCookies().get(ConsoleSessions.COOKIE);
    Optional<ConsoleSession> session = sessions.verify(cookie == null ? null : cookie.getValue());
    if (session.isPresent()) {
      current.set(session.get());
      return Optional.empty();
    }
    String back =
        request.getMethod().equals("GET")
            ? request.getUriInfo().getRequestUri().getRawPath()
                + query(request.getUriInfo().getRequestUri())
            : "/admin";
    URI login = URI.create("/admin/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
    return Optional.of(
        RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.SEE_OTHER)
            .location(login)
            .build());
  }

  @ServerResponseFilter
  void secureHeaders(ContainerRequestContext request, ContainerResponseContext response) {
    if (!isConsole(request.getUriInfo().getPath())) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("Content-Security-Policy", CSP);
    headers.putSingle("X-Frame-Options", "DENY");
    headers.putSingle("Cache-Control", "no-store");
    headers.putSingle("X-Content-Type-Options", "nosniff");
    // same-origin, not no-referrer: with no-referrer a form POST carries "Origin: null", which CORS
    // refuses
    headers.putSingle("Referrer-Policy", "same-origin");
  }

  static boolean isConsole(String path) {
    return path.equals("/admin") || path.startsWith("/admin/");
  }

  private static String query(URI uri) {
    return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
  }
}
