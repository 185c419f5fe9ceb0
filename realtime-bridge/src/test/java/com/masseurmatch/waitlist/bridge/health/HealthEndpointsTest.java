package com.masseurmatch.waitlist.bridge.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.model.testing.InjectPostgrest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The call tests' resources apply to every test of this module, so the store here is the PostgREST
 * WireMock: it answers the readiness ping.
 */
@QuarkusTest
class HealthEndpointsTest {

  @InjectPostgrest WireMockServer postgrest;

  @BeforeEach
  void storeAnswers() {
    postgrest.resetAll();
    postgrest.stubFor(
        get(urlPathEqualTo("/rest/v1/waitlist"))
            .willReturn(aResponse().withStatus(200).withBody("[]")));
  }

  @Test
  void apiHealthNamesTheServiceAndItsVersion() {
    given()
        .get("/api/health")
        .then()
        .statusCode(200)
        .body("status", equalTo("ok"))
        .body("service", equalTo("realtime-bridge"))
        .body("version", not(emptyOrNullString()))
        .body("store", equalTo("up"));
  }

  @Test
  void readinessChecksTheStore() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("store"))
        .body("checks.name", hasItem("openai"));
  }

  @Test
  void livenessIsUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }
}
