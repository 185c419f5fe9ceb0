package com.masseurmatch.waitlist.ivr.confirm;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signups, unique names and the admin views the confirmation tests share. */
final class ConfirmationTestSupport {

  static final String ADMIN = "Bearer test-admin-token";

  private ConfirmationTestSupport() {}

  /** Letters only (names may not contain digits). */
  static String tag() {
    StringBuilder tag = new StringBuilder("q");
    for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
      tag.append((char) ('a' + Character.digit(c, 16)));
    }
    return tag.toString();
  }

  /** A unique US number in the 555-01xx fiction range's neighbourhood. */
  static String phone() {
    return "+1415555" + (1000 + (int) (Math.random() * 8999));
  }

  static void signUp(String name, String phone, String email, String role) {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("full_name", name, "phone", phone, "email", email, "role", role))
        .post("/api/waitlist")
        .then()
        .statusCode(202);
  }

  /** The admin view of the entry with this e-mail. */
  static Map<String, Object> entry(String email) {
    List<Map<String, Object>> items =
        given()
            .header("Authorization", ADMIN)
            .queryParam("q", email)
            .get("/api/waitlist")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    return items.isEmpty() ? null : items.get(0);
  }

  /** The admin list of messages to this destination, newest first. */
  static List<Map<String, Object>> messagesTo(String destination) {
    JsonPath page =
        given()
            .header("Authorization", ADMIN)
            .queryParam("limit", 200)
            .get("/api/admin/messages")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> items = page.getList("items");
    return items.stream().filter(m -> destination.equals(m.get("destination"))).toList();
  }
}
