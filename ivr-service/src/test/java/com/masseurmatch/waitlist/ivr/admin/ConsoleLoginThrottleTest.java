package com.masseurmatch.waitlist.ivr.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins are limited per client; in its own application, so no other test is locked out.
 */
@QuarkusTest
@TestProfile(ConsoleLoginThrottleTest.TwoAttempts.class)
class ConsoleLoginThrottleTest {

  /** Two failed sign-ins per hour. */
  public static class TwoAttempts implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("admin.console.login-attempts", "2", "admin.console.login-window", "1h");
    }
  }

  @Test
  void afterTheFailedAttemptsEvenTheRightTokenWaits() {
    attempt("wrong-token-number-one").then().statusCode(401);
    attempt("wrong-token-number-two").then().statusCode(401);
    attempt(ConsoleLogin.TOKEN)
        .then()
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.notNullValue())
        .body(containsString("Too many failed sign-ins"));
  }

  private static io.restassured.response.Response attempt(String token) {
    ConsoleLogin.Form form = ConsoleLogin.form();
    return given()
        .redirects()
        .follow(false)
        .cookie("mm_console_login", form.cookie())
        .formParam("csrf", form.csrf())
        .formParam("token", token)
        .formParam("operator", "Mallory")
        .post("/admin/login");
  }
}
