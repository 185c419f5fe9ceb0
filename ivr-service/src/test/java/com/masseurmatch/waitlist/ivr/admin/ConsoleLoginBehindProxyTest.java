package com.masseurmatch.waitlist.ivr.admin;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind trusted proxies, failed sign-ins count against the address the proxy saw (two hops from
 * the right of {@code X-Forwarded-For}), as the signup rate limit does: an entry the client adds on
 * the left does not give it fresh attempts, and another client behind the same proxy is not locked
 * out.
 */
@QuarkusTest
@TestProfile(ConsoleLoginBehindProxyTest.BehindProxies.class)
class ConsoleLoginBehindProxyTest {

  private static final String PROXY = "10.0.0.1";

  /** Two failed sign-ins per hour, two trusted proxy hops. */
  public static class BehindProxies implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "admin.console.login-attempts", "2",
          "admin.console.login-window", "1h",
          "waitlist-api.trust-proxy-headers", "true",
          "waitlist-api.trusted-proxy-hops", "2",
          "quarkus.http.proxy.proxy-address-forwarding", "true");
    }
  }

  @Test
  void failedSignInsCountAgainstTheAddressTheProxySaw() {
    attempt("wrong-token-number-one", "203.0.113.7, " + PROXY).then().statusCode(401);
    attempt("wrong-token-number-two", "203.0.113.7, " + PROXY).then().statusCode(401);
    // a left-most entry of the client's own choosing is not a new client
    attempt(ConsoleLogin.TOKEN, "192.0.2.55, 203.0.113.7, " + PROXY).then().statusCode(429);
    // another client behind the same proxy still signs in
    attempt(ConsoleLogin.TOKEN, "198.51.100.9, " + PROXY).then().statusCode(303);
  }

  private static io.restassured.response.Response attempt(String token, String forwardedFor) {
    ConsoleLogin.Form form = ConsoleLogin.form();
    return given()
        .redirects()
        .follow(false)
        .header("X-Forwarded-For", forwardedFor)
        .cookie("mm_console_login", form.cookie())
        .formParam("csrf", form.csrf())
        .formParam("token", token)
        .formParam("operator", "Mallory")
        .post("/admin/login");
  }
}
