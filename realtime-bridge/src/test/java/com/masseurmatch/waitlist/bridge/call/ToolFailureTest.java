package com.masseurmatch.waitlist.bridge.call;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.openai.Reply;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A save that fails or waits never stalls the call, and never loses the signup. */
@QuarkusTest
class ToolFailureTest extends BridgeTestSupport {

  /** What {@code submit_waitlist_entry()} answers for a new entry. */
  static final String SAVED_ROW =
      "[{\"id\":\"7d0c5d2e-2f7a-4a51-8f43-2e0f7c1c0a11\",\"outcome\":\"created\"}]";

  @Test
  void anUnwritableOutboxWhileTheStoreIsDownHoldsTheSignupAndTakesTheInstanceOutOfRotation()
      throws Exception {
    postgrest.stubFor(
        post(urlPathEqualTo(RealtimeCallTest.SUBMIT)).willReturn(aResponse().withStatus(503)));
    // the outbox's directory replaced by a file: every write fails, even for root
    Path outbox = waitlistConfig.dataDir().resolve("outbox");
    Path aside = outbox.resolveSibling("outbox-aside");
    Files.move(outbox, aside);
    Files.writeString(outbox, "not a directory");
    double failuresBefore = metric("bridge_outbox_write_failures_total");
    try {
      FakeRealtimeSession session = saveOnACall();

      JsonNode output = awaitFunctionOutput(session);
      assertTrue(output.path("output").asText().contains("\"ok\":false"), output.toString());
      awaitReceived(session, "response.create", 2);
      given()
          .port(managementPort())
          .get("/q/health/ready")
          .then()
          .body("checks.find { it.name == 'calls' }.status", equalTo("DOWN"))
          .body("checks.find { it.name == 'calls' }.data.signups_held_in_memory", equalTo(1));
      assertEquals(1.0, metric("bridge_signups_unsaved"));
      assertTrue(metric("bridge_outbox_write_failures_total") > failuresBefore);
    } finally {
      Files.delete(outbox);
      Files.move(aside, outbox);
    }

    postgrest.stubFor(
        post(urlPathEqualTo(RealtimeCallTest.SUBMIT))
            .willReturn(aResponse().withStatus(201).withBody(SAVED_ROW)));
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .port(managementPort())
                    .get("/q/health/ready")
                    .then()
                    .body("checks.find { it.name == 'calls' }.status", equalTo("UP"))
                    .body(
                        "checks.find { it.name == 'calls' }.data.signups_held_in_memory",
                        equalTo(0)));
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                postgrest.verify(
                    postRequestedFor(urlPathEqualTo(RealtimeCallTest.SUBMIT))
                        .withRequestBody(WireMock.containing("ann.lee@example.com"))));
  }

  @Test
  void theOldestToolCallStillWaitingIsReported() throws Exception {
    postgrest.stubFor(
        post(urlPathEqualTo(RealtimeCallTest.SUBMIT))
            .willReturn(aResponse().withStatus(201).withFixedDelay(800).withBody(SAVED_ROW)));
    FakeRealtimeSession session = saveOnACall();

    Awaitility.await().atMost(WAIT).until(() -> metric("bridge_tool_oldest_waiting_seconds") > 0);
    awaitFunctionOutput(session);
    // the call's output went out after its tool call left the waiting set
    assertEquals(0.0, metric("bridge_tool_oldest_waiting_seconds"));
  }

  /** A call in which Knotty calls the save tool with valid details. */
  private FakeRealtimeSession saveOnACall() throws Exception {
    startCall(newCallSid());
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    Awaitility.await().atMost(WAIT).until(() -> !session.responding());
    openai.enqueue(Reply.call("save_waitlist_entry", RealtimeCallTest.ARGS));
    session.callerTurn("yes, that's right");
    return session;
  }
}
