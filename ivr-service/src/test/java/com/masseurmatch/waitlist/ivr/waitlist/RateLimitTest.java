package com.masseurmatch.waitlist.ivr.waitlist;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
@TestProfile(RateLimitTest.ThreePerMinute.class)
class RateLimitTest {

  public static class ThreePerMinute implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("waitlist-api.rate-limit-requests", "3");
    }
  }

  @Test
  void theFourthSignupInAMinuteIsRefusedWithRetryAfter() {
    for (int i = 0; i < 3; i++) {
      given()
          .contentType(ContentType.JSON)
          .body(
              "{\"full_name\":\"Rate Test\",\"phone\":\"4155550100\",\"email\":\"rate"
                  + i
                  + "@example.com\",\"role\":\"client\"}")
          .post("/api/waitlist")
          .then()
          .statusCode(202);
    }
    String retryAfter =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"full_name\":\"Rate Test\",\"phone\":\"4155550100\",\"email\":\"rate9@example.com\",\"role\":\"client\"}")
            .post("/api/waitlist")
            .then()
            .statusCode(429)
            .contentType("application/problem+json")
            .body("status", equalTo(429))
            .extract()
            .header("Retry-After");
    long seconds = Long.parseLong(retryAfter);
    assertTrue(seconds >= 1 && seconds <= 60, retryAfter);
  }
}
