package com.masseurmatch.waitlist.ivr.waitlist;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class WaitlistApiTest {

  static final String ADMIN = "Bearer test-admin-token";

  /** Letters only: names may not contain digits. */
  private static String unique() {
    StringBuilder tag = new StringBuilder("zq");
    for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
      tag.append((char) ('a' + Character.digit(c, 16)));
    }
    return tag.toString();
  }

  private static String signup(String tag, String email, String role) {
    return """
        {"full_name":"  ann   %s ","phone":"(415) 555-0100","email":"%s","role":"%s"}
        """
        .formatted(tag, email, role);
  }

  @Test
  void everyValidSignupIsReceivedAndAKnownEntryChangesOnlyWithItsOwner() {
    String tag = unique();
    String email = "Ann." + tag + "@Example.com";
    given()
        .contentType(ContentType.JSON)
        .body(signup(tag, email, "massage therapist"))
        .post("/api/waitlist")
        .then()
        .statusCode(202)
        .body("status", equalTo("received"))
        .body("id", nullValue())
        .body("email", nullValue());
    // the same address in another case, other details: the same answer, nothing changes
    given()
        .contentType(ContentType.JSON)
        .body(signup(tag, email.toUpperCase(), "client"))
        .post("/api/waitlist")
        .then()
        .statusCode(202)
        .body("status", equalTo("received"))
        .body("id", nullValue());
    given()
        .header("Authorization", ADMIN)
        .queryParam("q", tag)
        .get("/api/waitlist")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].full_name", equalTo("Ann Z" + tag.substring(1)))
        .body("items[0].phone", equalTo("+14155550100"))
        .body("items[0].email", equalTo(email.toLowerCase()))
        .body("items[0].role", equalTo("therapist"))
        .body("items[0].source", equalTo("web"));
  }

  @Test
  void anOperatorSavesAndUpdatesDirectly() {
    String tag = unique();
    String email = "op." + tag + "@example.com";
    given()
        .contentType(ContentType.JSON)
        .body(signup(tag, email, "client"))
        .put("/api/waitlist")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(signup(tag, email, "client"))
        .put("/api/waitlist")
        .then()
        .statusCode(201)
        .body("id", notNullValue())
        .body("role", equalTo("client"));
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(signup(tag, email, "therapist"))
        .put("/api/waitlist")
        .then()
        .statusCode(200)
        .body("email", equalTo(email))
        .body("role", equalTo("therapist"));
  }

  @Test
  void everyInvalidFieldIsNamedInAProblem() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"full_name\":\"123\",\"phone\":\"12\",\"email\":\"ann at\",\"role\":\"chef\"}")
        .post("/api/waitlist")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors.field", hasItems("full_name", "phone", "email", "role"))
        .body("errors.find { it.field == 'email' }.reason", equalTo("no_domain"));
  }

  @Test
  void aLikelyTypoIsSavedAsTypedWithAWarning() {
    String tag = unique();
    given()
        .contentType(ContentType.JSON)
        .body(signup(tag, "ann" + tag + "@gmial.com", "client"))
        .post("/api/waitlist")
        .then()
        .statusCode(202);
    given()
        .header("Authorization", ADMIN)
        .queryParam("q", tag)
        .get("/api/waitlist")
        .then()
        .body("items[0].email", equalTo("ann" + tag + "@gmial.com"));
  }

  @Test
  void badBodiesGetClearErrors() {
    given()
        .contentType(ContentType.JSON)
        .body("{not json")
        .post("/api/waitlist")
        .then()
        .statusCode(400);
    given().contentType(ContentType.JSON).body("").post("/api/waitlist").then().statusCode(400);
    given()
        .contentType(ContentType.TEXT)
        .body("full_name=Ann")
        .post("/api/waitlist")
        .then()
        .statusCode(415);
    String huge = "{\"full_name\":\"" + "A".repeat(20_000) + "\"}";
    given().contentType(ContentType.JSON).body(huge).post("/api/waitlist").then().statusCode(413);
  }

  @Test
  void theListNeedsTheAdminToken() {
    given()
        .get("/api/waitlist")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("Bearer"));
    given().header("Authorization", "Bearer wrong").get("/api/waitlist").then().statusCode(401);
    given().header("Authorization", "test-admin-token").get("/api/waitlist").then().statusCode(401);
  }

  @Test
  void theListFiltersByRoleSearchesAndPages() {
    String tag = unique();
    for (int i = 0; i < 3; i++) {
      given()
          .contentType(ContentType.JSON)
          .body(signup(tag, "t" + i + tag + "@example.com", i == 0 ? "client" : "therapist"))
          .post("/api/waitlist")
          .then()
          .statusCode(202);
    }
    given()
        .header("Authorization", ADMIN)
        .queryParam("q", tag)
        .queryParam("role", "therapist")
        .queryParam("limit", 1)
        .queryParam("offset", 1)
        .get("/api/waitlist")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.size()", equalTo(1))
        .body("items[0].email", equalTo("t1" + tag + "@example.com"));
    given()
        .header("Authorization", ADMIN)
        .queryParam("role", "boss")
        .get("/api/waitlist")
        .then()
        .statusCode(400);
  }

  @Test
  void csvExportHasAHeaderAndTheFilteredRows() {
    String tag = unique();
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"full_name\":\"Csv "
                + tag
                + "\",\"phone\":\"4155550100\",\"email\":\"csv"
                + tag
                + "@example.com\",\"role\":\"client\"}")
        .post("/api/waitlist")
        .then()
        .statusCode(202);
    String csv =
        given()
            .header("Authorization", ADMIN)
            .header("Accept", "text/csv")
            .queryParam("q", tag)
            .get("/api/waitlist")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .extract()
            .asString();
    String[] lines = csv.split("\r\n");
    assertEquals(
        "id,full_name,phone,email,role,source,call_sid,created_at,updated_at,language", lines[0]);
    assertEquals(2, lines.length);
    assertTrue(
        lines[1].contains(",Csv " + tag + ",+14155550100,csv" + tag + "@example.com,client,web,"),
        lines[1]);
  }

  @Test
  void corsAllowsTheConfiguredOrigin() {
    given()
        .header("Origin", "https://masseurmatch.com")
        .header("Access-Control-Request-Method", "POST")
        .options("/api/waitlist")
        .then()
        .header("Access-Control-Allow-Origin", "https://masseurmatch.com");
  }

  @Test
  void theApiIsDescribedInOpenApi() {
    given().get("/q/openapi").then().statusCode(200).body(containsString("/api/waitlist"));
  }
}
