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
        .port(managementPort())
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("store"))
        .body("checks.name", hasItem("openai"));
  }

  @Test
  void publicReadinessSaysOnlyUpOrDown() {
    given().get("/api/health/ready").then().statusCode(200).body(equalTo("{\"status\":\"UP\"}"));
  }

  @Test
  void metricsAndHealthDetailsAreNotOnThePublicPort() {
    given().get("/q/metrics").then().statusCode(404);
    given().get("/q/health/ready").then().statusCode(404);
  }

  private static int managementPort() {
    return io.quarkus.arc.Arc.container()
        .instance(io.quarkus.vertx.http.HttpServer.class)
        .get()
        .getManagementPort();
  }

  @Test
  void livenessIsUp() {
    given()
        .port(managementPort())
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"));
  }
}
