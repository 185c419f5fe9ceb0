package com.masseurmatch.waitlist.ivr.confirm;

import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.messagesTo;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.phone;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.signUp;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.tag;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.masseurmatch.waitlist.model.job.JobRunner;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Without Twilio or SMTP settings, confirmations are recorded as not configured, not sent. */
@QuarkusTest
class NotConfiguredTest {

  @Inject JobRunner jobs;

  @Test
  void messagesAreRecordedNotConfigured() {
    jobs.runDue();
    String phone = phone();
    String email = "ivy." + tag() + "@example.com";
    signUp("Ivy " + tag(), phone, email, "client");
    jobs.runDue();
    assertEquals("not_configured", messagesTo(phone).get(0).get("status"));
    assertEquals("not_configured", messagesTo(email).get(0).get("status"));
    given().get("/api/admin/messages").then().statusCode(401);
    given()
        .header("Authorization", ConfirmationTestSupport.ADMIN)
        .queryParam("limit", 0)
        .get("/api/admin/messages")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
