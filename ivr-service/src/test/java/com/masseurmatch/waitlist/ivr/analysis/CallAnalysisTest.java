package com.masseurmatch.waitlist.ivr.analysis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.masseurmatch.waitlist.ivr.fallback.FallbackCalls;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock.InjectBridge;
import com.masseurmatch.waitlist.ivr.testing.TwilioRecordingsWireMock;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.analysis.CallAnalysis;
import com.masseurmatch.waitlist.model.analysis.CallInsight;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.job.JobRunner;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.recording.RecordingJobs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A finished call's analysis job asks the Chat Completions stand-in for a strict JSON-schema answer
 * and stores it whole, with the model and the cost; a reply that does not match the schema is
 * retried, then the call is marked failed with no analysis stored. The admin API shows it.
 */
@QuarkusTest
@WithTestResource(TwilioRecordingsWireMock.class)
class CallAnalysisTest {

  static final String CHAT = "/v1/chat/completions";

  @InjectBridge WireMockServer openai;
  @Inject CallRecordStore calls;
  @Inject AnalysisStore analysis;
  @Inject JobStore queue;
  @Inject JobRunner jobs;
  @Inject ObjectMapper json;
  @Inject FallbackCalls fallback;

  @BeforeEach
  void reset() {
    jobs.runDue();
  }

  /** A finished Knotty call whose caller says {@code tag}; its analysis queued. */
  private String finishedCall(String tag) {
    String callSid = Webhooks.newCallSid();
    Instant at = Instant.now().minusSeconds(120);
    calls.upsert(
        CallRecord.of(callSid)
            .withFrom("+14155550181")
            .withStartedAt(at)
            .withEndedAt(at.plusSeconds(90))
            .withPath(CallPath.REALTIME)
            .withOutcome(CallOutcome.SIGNED_UP)
            .withTranscript(
                List.of(
                    new TranscriptTurn("knotty", "Hi, I'm Knotty. Shall we sign you up?", at),
                    new TranscriptTurn("caller", "Yes please, " + tag + ".", at.plusSeconds(4)))));
    RecordingJobs.enqueueAnalysis(queue, callSid, null);
    return callSid;
  }

  private void replies(String tag, String content) throws Exception {
    String body =
        json.writeValueAsString(
            Map.of(
                "id",
                "chatcmpl-" + tag,
                "object",
                "chat.completion",
                "created",
                1765000000,
                "model",
                "gpt-4o-mini-2024-07-18",
                "choices",
                List.of(
                    Map.of(
                        "index",
                        0,
                        "message",
                        Map.of("role", "assistant", "content", content, "refusal", ""),
                        "finish_reason",
                        "stop")),
                "usage",
                Map.of("prompt_tokens", 1000, "completion_tokens", 200, "total_tokens", 1200)));
    // a refusal is null in a real answer; the map above cannot hold null
    body = body.replace("\"refusal\":\"\"", "\"refusal\":null");
    openai.stubFor(
        post(urlPathEqualTo(CHAT))
            .withHeader("Authorization", equalTo("Bearer sk-test-ivr"))
            .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
            .withRequestBody(
                matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
            .withRequestBody(containing(tag))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private List<LoggedRequest> requests(String tag) {
    return openai.findAll(postRequestedFor(urlPathEqualTo(CHAT)).withRequestBody(containing(tag)));
  }

  @Test
  void aFinishedKnottyCallGetsAStoredAnalysis() throws Exception {
    String tag = "tag-" + UUID.randomUUID();
    replies(
        tag,
        """
        {"summary": "Ann joined the waitlist as a client. She was pleased.", "sentiment": 0.7,
         "satisfaction": 5, "outcome_reason": "signed_up", "follow_up": true,
         "follow_up_reason": "She asked when the service opens.", "language": "en"}""");
    String callSid = finishedCall(tag);

    jobs.runDue();

    List<LoggedRequest> sent = requests(tag);
    assertEquals(1, sent.size());
    JsonNode request = json.readTree(sent.get(0).getBodyAsString());
    JsonNode schema = request.path("response_format").path("json_schema").path("schema");
    assertEquals(
        "[\"summary\",\"sentiment\",\"satisfaction\",\"outcome_reason\",\"follow_up\","
            + "\"follow_up_reason\",\"language\"]",
        schema.path("required").toString());
    assertEquals(false, schema.path("additionalProperties").asBoolean(true));
    assertEquals("system", request.path("messages").path(0).path("role").asText());
    assertTrue(
        request.path("messages").path(0).path("content").asText().contains("two short sentences"));
    assertTrue(
        request.path("messages").path(1).path("content").asText().contains("caller: Yes please"));

    CallInsight stored = analysis.call(callSid).orElseThrow();
    assertEquals(
        new CallAnalysis(
            "Ann joined the waitlist as a client. She was pleased.",
            0.7,
            5,
            "signed_up",
            true,
            "She asked when the service opens.",
            "en"),
        stored.analysis());
    assertEquals(
        List.of("done", "gpt-4o-mini-2024-07-18"),
        List.of(stored.analysisStatus(), stored.analysisModel()));
    assertEquals(
        Map.of("input_tokens", 1000L, "output_tokens", 200L, "total_tokens", 1200L),
        stored.analysisUsage());
    // 1000 x 0.15 + 200 x 0.60 per million
    assertEquals(0, new BigDecimal("0.000270").compareTo(stored.analysisCostUsd()));

    given()
        .header("Authorization", "Bearer test-admin-token")
        .get("/api/admin/calls/" + callSid)
        .then()
        .statusCode(200)
        .body("analysis.status", org.hamcrest.Matchers.equalTo("done"))
        .body("analysis.outcome_reason", org.hamcrest.Matchers.equalTo("signed_up"))
        .body("analysis.follow_up", org.hamcrest.Matchers.equalTo(true));
    given()
        .header("Authorization", "Bearer test-admin-token")
        .get("/api/admin/calls?follow_up=true&limit=200")
        .then()
        .statusCode(200)
        .body("items.call_sid", org.hamcrest.Matchers.hasItem(callSid));
  }

  @Test
  void aFallbackChatSignupQueuesTheAnalysisOfItsConversation() throws Exception {
    String tag = "tag-" + UUID.randomUUID();
    replies(
        tag,
        """
        {"summary": "Ann signed up through the assistant. It went well.", "sentiment": 0.5,
         "satisfaction": 4, "outcome_reason": "signed_up", "follow_up": false,
         "follow_up_reason": null, "language": "en"}""");
    String callSid = Webhooks.newCallSid();
    calls.upsert(
        CallRecord.of(callSid)
            .withStartedAt(Instant.now().minusSeconds(60))
            .withPath(CallPath.FALLBACK)
            .withAssistantState(
                Map.of(
                    "mode",
                    "chat",
                    "messages",
                    List.of(
                        Map.of("role", "assistant", "content", "Hi, who am I speaking with?"),
                        Map.of("role", "user", "content", "I'm Ann, " + tag),
                        Map.of("role", "tool", "content", "{\"saved\":true}")))));

    fallback.signedUp(callSid, CallPath.FALLBACK, Map.of("full_name", "Ann"), null);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              jobs.runDue();
              return "done".equals(analysis.call(callSid).orElseThrow().analysisStatus());
            });

    JsonNode request = json.readTree(requests(tag).get(0).getBodyAsString());
    assertEquals(
        "knotty: Hi, who am I speaking with?\ncaller: I'm Ann, " + tag + "\n",
        request.path("messages").path(1).path("content").asText());
    assertEquals("signed_up", analysis.call(callSid).orElseThrow().analysis().outcomeReason());
  }

  @Test
  void aMalformedReplyIsRetriedThenMarkedFailedWithNothingStored() throws Exception {
    String tag = "tag-" + UUID.randomUUID();
    // no language, and a sentiment out of range
    replies(
        tag,
        """
        {"summary": "Ann hung up.", "sentiment": 3, "satisfaction": 2,
         "outcome_reason": "declined", "follow_up": false, "follow_up_reason": null}""");
    String callSid = finishedCall(tag);

    // with no backoff in this test, one run may make several attempts: run until the job is over
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              jobs.runDue();
              return "failed".equals(analysis.call(callSid).orElseThrow().analysisStatus());
            });
    assertEquals(JobStore.DEFAULT_MAX_ATTEMPTS, requests(tag).size());
    CallInsight failed = analysis.call(callSid).orElseThrow();
    assertEquals("failed", failed.analysisStatus());
    assertNull(failed.analysis());
    assertTrue(
        failed.analysisError().contains("not valid") || failed.analysisError().contains("no "),
        failed.analysisError());
    // dead: no further attempt
    jobs.runDue();
    assertEquals(JobStore.DEFAULT_MAX_ATTEMPTS, requests(tag).size());
  }

  @Test
  void theAdminApiRefusesBadQueriesAndStrangers() {
    given().get("/api/admin/calls").then().statusCode(401);
    given()
        .header("Authorization", "Bearer test-admin-token")
        .get("/api/admin/calls?limit=0")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "detail", org.hamcrest.Matchers.equalTo("limit must be a whole number from 1 to 200"));
    given()
        .header("Authorization", "Bearer test-admin-token")
        .get("/api/admin/calls/CAnothere")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
