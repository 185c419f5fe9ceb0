package com.masseurmatch.waitlist.ivr.waitlist;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The web API takes a signup's language; the admin API returns it, filters and exports it. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class WaitlistLanguageApiTest {

  @Test
  void aSpanishSignupIsStoredReturnedFilteredAndExportedInSpanish() {
    String tag = "zl" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
    String email = "ana." + tag + "@example.com";
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"full_name":"Ana %s","phone":"(415) 555-0100","email":"%s","role":"masajista",
             "language":"es"}
            """
                .formatted(tag, email))
        .post("/api/waitlist")
        .then()
        .statusCode(202);

    given()
        .header("Authorization", WaitlistApiTest.ADMIN)
        .queryParam("q", tag)
        .queryParam("language", "es")
        .get("/api/waitlist")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].email", equalTo(email))
        .body("items[0].role", equalTo("therapist"))
        .body("items[0].language", equalTo("es"));
    given()
        .header("Authorization", WaitlistApiTest.ADMIN)
        .queryParam("q", tag)
        .queryParam("language", "fr")
        .get("/api/waitlist")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
    String csv =
        given()
            .header("Authorization", WaitlistApiTest.ADMIN)
            .header("Accept", "text/csv")
            .queryParam("q", tag)
            .get("/api/waitlist")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(
        csv.startsWith(
            "id,full_name,phone,email,role,source,call_sid,created_at,"
                + "updated_at,language\r\n"),
        csv);
    assertTrue(csv.contains(email) && csv.strip().endsWith(",es"), csv);
  }

  @Test
  void anUnknownLanguageIsAProblemNamingTheField() {
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"full_name":"Ann Lee","phone":"(415) 555-0100","email":"ann.de@example.com",
             "role":"client","language":"de"}
            """)
        .post("/api/waitlist")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("language"));
    given()
        .header("Authorization", WaitlistApiTest.ADMIN)
        .queryParam("language", "german")
        .get("/api/waitlist")
        .then()
        .statusCode(400);
  }
}
