package com.masseurmatch.waitlist.bridge.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthEndpointsTest {

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
        .body("checks.name", hasItem("store"));
  }

  @Test
  void livenessIsUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }
}
