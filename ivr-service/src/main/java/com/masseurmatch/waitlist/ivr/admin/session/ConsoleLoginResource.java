package com.masseurmatch.waitlist.ivr.admin.session;

import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.CsrfRejectedException;
import com.masseurmatch.waitlist.ivr.admin.ConsolePage;
import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.ivr.waitlist.AdminAuth;
import com.masseurmatch.waitlist.ivr.waitlist.ClientAddress;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /admin/login} and {@code /admin/logout}: the operator signs in with {@code ADMIN_TOKEN}
 * and their name and gets a session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS). The
 * sign-in form carries its own CSRF token, paired with a short-lived cookie.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ConsoleLoginResource {

  static final String LOGIN_COOKIE = "mm_console_login";
  static final int MAX_NAME = 80;
  private static final ConsolePage SIGN_IN = new ConsolePage("login", "", "");

  @CheckedTemplate(basePath = "admin")
  static class Templates {
    static native TemplateInstance login(
        ConsolePage page, String csrf, String next, String operator, String error);
  }

  private final ConsoleSessions sessions;
  private final LoginThrottle throttle;
  private final AdminAuth admin;
  private final IvrConfig ivr;
  private final CurrentSession current;
  private final ClientAddress clients;
  private final SecureRandom random = new SecureRandom();

  ConsoleLoginResource(
      ConsoleSessions sessions,
      LoginThrottle throttle,
      AdminAuth admin,
      IvrConfig ivr,
      CurrentSession current,
      ClientAddress clients) {
    this.current = current;
    this.clients = clients;
    this.sessions = sessions;
    this.throttle = throttle;
    this.admin = admin;
    this.ivr = ivr;
  }

  @GET
  @Operation(hidden = true) // an HTML page, not part of the API
  @Path("/login")
  public RestResponse<TemplateInstance> form(@RestQuery String next, @Context UriInfo uri) {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return RestResponse.ResponseBuilder.ok(Templates.login(SIGN_IN, csrf, safeNext(next), "", null))
        .cookie(cookie(LOGIN_COOKIE, csrf, 3600, uri))
        .build();
  }

  @POST
  @Operation(hidden = true) // an HTML page, not part of the API
  @Path("/login")
  public RestResponse<Object> signIn(
      @RestForm String token,
      @RestForm String operator,
      @RestForm String csrf,
      @RestForm String next,
      @RestCookie(LOGIN_COOKIE) String expectedCsrf,
      @Context HttpServerRequest request,
      @Context UriInfo uri) {
    if (expectedCsrf == null
        || csrf == null
        || !MessageDigest.isEqual(
            expectedCsrf.getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8))) {
      throw new CsrfRejectedException();
    }
    // behind trusted proxies, the address the proxy saw, as the signup rate limit counts it
    String client = clients.of(request);
    long retryAfter = throttle.retryAfter(client, System.nanoTime());
    String name = operator == null ? "" : operator.strip();
    if (retryAfter > 0) {
      return again(
              429,
              csrf,
              next,
              name,
              "Too many failed sign-ins from here. Try again in " + retryAfter + " seconds.")
          .header("Retry-After", Long.toString(retryAfter))
          .build();
    }
    if (name.isEmpty()
        || name.length() > MAX_NAME
        || name.codePoints().anyMatch(Character::isISOControl)) {
      return again(
              400,
              csrf,
              next,
              name,
              "Enter your name (up to "
                  + MAX_NAME
                  + " characters): it is kept with every change you make.")
          .build();
    }
    if (!admin.accepts(token)) {
      throttle.failed(client, System.nanoTime());
      Log.warnf("console: failed sign-in from %s", client);
      return again(401, csrf, next, name, "That admin token is not right.").build();
    }
    throttle.succeeded(client);
    ConsoleSessions.Issued issued = sessions.issue(name);
    Log.infof("console: %s signed in", name);
    return RestResponse.ResponseBuilder.create(RestResponse.Status.SEE_OTHER)
        .location(URI.create(safeNext(next)))
        .cookie(
            cookie(
                ConsoleSessions.COOKIE,
                issued.cookieValue(),
                (int) sessions.duration().toSeconds(),
                uri))
        .cookie(cookie(LOGIN_COOKIE, "", 0, uri))
        .build();
  }

  @POST
  @Operation(hidden = true) // an HTML page, not part of the API
  @Path("/logout")
  public RestResponse<Object> signOut(@RestForm String csrf, @Context UriInfo uri) {
    current.requireCsrf(csrf);
    sessions.revoke(current.get());
    Log.infof("console: %s signed out", current.operator());
    return RestResponse.ResponseBuilder.create(RestResponse.Status.SEE_OTHER)
        .location(URI.create("/admin/login"))
        .cookie(cookie(ConsoleSessions.COOKIE, "", 0, uri))
        .build();
  }

  private static RestResponse.ResponseBuilder<Object> again(
      int status, String csrf, String next, String operator, String error) {
    return RestResponse.ResponseBuilder.create(
        RestResponse.Status.fromStatusCode(status),
        (Object) Templates.login(SIGN_IN, csrf, safeNext(next), operator, error));
  }

  /** Only a console path of this service: never an open redirect. */
  static String safeNext(String next) {
    if (next == null
        || !(next.equals("/admin") || next.startsWith("/admin/") || next.startsWith("/admin?"))
        || next.contains("//")
        || next.contains("\\")
        || next.startsWith("/admin/login")) {
      return "/admin";
    }
    return next;
  }

  private NewCookie cookie(String name, String value, int maxAge, UriInfo uri) {
    return new NewCookie.Builder(name)
        .value(value)
        .path("/admin")
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.STRICT)
        .secure(secure(uri))
        .maxAge(maxAge)
        .build();
  }

  /** Secure over HTTPS: the request's own scheme, or the public base URL's host. */
  private boolean secure(UriInfo uri) {
    URI request = uri.getRequestUri();
    if ("https".equals(request.getScheme())) {
      return true;
    }
    return ivr.publicBaseUrl()
        .filter(base -> "https".equals(base.getScheme()))
        .map(base -> base.getHost().equalsIgnoreCase(request.getHost()))
        .orElse(false);
  }
}
