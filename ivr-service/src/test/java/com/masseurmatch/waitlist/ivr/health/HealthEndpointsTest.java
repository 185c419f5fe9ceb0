package com.masseurmatch.waitlist.ivr.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.HttpServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The public port answers a minimal health and readiness; details and metrics are elsewhere. */
@QuarkusTest
class HealthEndpointsTest {

  @Inject HttpServer server;

  @Test
  void apiHealthNamesTheServiceAndItsVersion() {
    given()
        .get("/api/health")
        .then()
        .statusCode(200)
        .body("status", equalTo("ok"))
        .body("service", equalTo("ivr-service"))
        .body("version", not(emptyOrNullString()))
        .body("store", equalTo("up"));
  }

  @Test
  void publicReadinessSaysOnlyUpOrDown() {
    given().get("/api/health/ready").then().statusCode(200).body(equalTo("{\"status\":\"UP\"}"));
  }

  @Test
  void metricsAndHealthDetailsAreNotOnThePublicPort() {
    given().get("/q/metrics").then().statusCode(404);
    given().get("/q/health/ready").then().statusCode(404);
    given().get("/q/health").then().statusCode(404);
  }

  @Test
  void theManagementPortHasReadinessWithItsChecksAndTheMetrics() {
    given()
        .port(server.getManagementPort())
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("store"));
    given()
        .port(server.getManagementPort())
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
  }
}
