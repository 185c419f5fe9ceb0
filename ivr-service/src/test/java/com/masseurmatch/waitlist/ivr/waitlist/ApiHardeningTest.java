package com.masseurmatch.waitlist.ivr.waitlist;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Every error of the API is problem+json, and admin answers are never cached or sniffed. */
@QuarkusTest
class ApiHardeningTest {

  private static final String ADMIN = "Bearer test-admin-token";

  @Test
  void malformedJsonIsAProblem() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"full_name\": ")
        .post("/api/waitlist")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400));
  }

  @Test
  void aNonStringValueIsRefusedNamingTheField() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"full_name\": true, \"phone\": \"+14155550100\", \"email\": \"t@example.com\","
                + " \"role\": \"client\"}")
        .post("/api/waitlist")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("full_name"))
        .body("errors[0].reason", equalTo("wrong_type"));
  }

  @Test
  void anUnsupportedMediaTypeIsAProblem() {
    given()
        .contentType(ContentType.TEXT)
        .body("hello")
        .post("/api/waitlist")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("status", equalTo(415));
  }

  @Test
  void aBodyOverTheLimitIsAProblem() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"full_name\": \"" + "a".repeat(20_000) + "\"}")
        .post("/api/waitlist")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", equalTo(413));
  }

  @Test
  void badPagingNumbersAre400ProblemsNamingTheParameter() {
    for (String query : new String[] {"offset=abc", "limit=1e3", "offset=-1", "limit=%2B5"}) {
      given()
          .header("Authorization", ADMIN)
          .get("/api/waitlist?" + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString(query.substring(0, query.indexOf('='))));
    }
  }

  @Test
  void aSearchWithNulIsRefused() {
    given()
        .header("Authorization", ADMIN)
        .urlEncodingEnabled(false)
        .get("/api/waitlist?q=ann%00")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void adminAnswersAreNeitherCachedNorSniffed() {
    given()
        .header("Authorization", ADMIN)
        .get("/api/waitlist")
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff");
    given()
        .header("Authorization", ADMIN)
        .accept("text/csv")
        .get("/api/waitlist")
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff");
  }

  @Test
  void htmlPagesCarryAPolicyAndRefuseFraming() {
    given()
        .get("/email/confirm?token=nonsense")
        .then()
        .contentType(containsString("text/html"))
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .header("X-Frame-Options", "DENY")
        .header("Strict-Transport-Security", nullValue());
  }
}
