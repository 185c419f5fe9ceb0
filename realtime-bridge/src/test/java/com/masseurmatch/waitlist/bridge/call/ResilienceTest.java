package com.masseurmatch.waitlist.bridge.call;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.bridge.fake.TwilioRestWireMock;
import com.masseurmatch.waitlist.model.outbox.SignupOutbox;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.openai.Reply;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** No dead air and no lost signup when OpenAI or the store fails. */
@QuarkusTest
class ResilienceTest extends BridgeTestSupport {

  static final String FALLBACK =
      "Url="
          + URLEncoder.encode(
              "https://ivr.example.org/api/voice/ai-assistant", StandardCharsets.UTF_8);

  @Inject SignupOutbox outbox;

  private static String callPath(String callSid) {
    return "/2010-04-01/Accounts/" + TwilioRestWireMock.ACCOUNT_SID + "/Calls/" + callSid + ".json";
  }

  private void awaitRedirect(String callSid) {
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                twilioRest.verify(
                    postRequestedFor(urlPathEqualTo(callPath(callSid)))
                        .withRequestBody(containing(FALLBACK))
                        .withRequestBody(containing("Method=POST"))));
  }

  @Test
  void openAiRefusingEveryTryAtCallStartSendsTheCallToTheFallback() throws Exception {
    openai.refuseNext(2);
    String callSid = newCallSid();
    startCall(callSid);

    awaitRedirect(callSid);
    assertEquals(2, openai.handshakes(), "a bounded retry, then the fallback");
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                postgrest.verify(
                    postRequestedFor(urlPathEqualTo("/rest/v1/calls"))
                        .withRequestBody(matchingJsonPath("$.call_sid", equalTo(callSid)))
                        .withRequestBody(matchingJsonPath("$.outcome", equalTo("failed")))));
  }

  @Test
  void aRedirectTwilioRefusesIsRetriedCountedAndTheStreamClosedInstead() throws Exception {
    String callSid = newCallSid();
    twilioRest.stubFor(
        post(urlPathEqualTo(callPath(callSid)))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));
    openai.refuseNext(2);
    var twilio = startCall(callSid);

    // closing the stream makes Twilio continue with the IVR's <Connect> action
    assertTrue(twilio.awaitClose(WAIT) != null, "the stream must close when the redirect fails");
    // three tries in all (twilio-java repeats a 5xx; the bridge does not multiply them)
    twilioRest.verify(3, postRequestedFor(urlPathEqualTo(callPath(callSid))));
  }

  @Test
  void oneRefusalIsRetriedAndTheCallGoesOn() throws Exception {
    openai.refuseNext(1);
    String callSid = newCallSid();
    startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    assertEquals(2, openai.handshakes());
    twilioRest.verify(0, postRequestedFor(urlPathEqualTo(callPath(callSid))));
  }

  @Test
  void aSessionThatNeverStartsCountsAsAFailure() throws Exception {
    openai.silentNext(2);
    String callSid = newCallSid();
    startCall(callSid);
    awaitRedirect(callSid);
    assertEquals(2, openai.handshakes());
  }

  @Test
  void aDropMidCallRedirectsAndKeepsWhatWasCollected() throws Exception {
    String callSid = newCallSid();
    startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    openai.enqueue(
        Reply.call(
            "save_waitlist_entry",
            "{\"full_name\":\"ann lee\",\"phone\":\"(415) 555-0100\",\"email\":\"ann at\",\"role\":\"client\"}"));
    session.callerTurn("ann at");
    awaitReceived(session, "response.create", 2);

    session.close((short) 1011, "internal error");

    awaitRedirect(callSid);
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                postgrest.verify(
                    postRequestedFor(urlPathEqualTo("/rest/v1/calls"))
                        .withRequestBody(matchingJsonPath("$.call_sid", equalTo(callSid)))
                        .withRequestBody(
                            matchingJsonPath("$.collected.full_name", equalTo("Ann Lee")))
                        .withRequestBody(
                            matchingJsonPath("$.collected.phone", equalTo("+14155550100")))
                        .withRequestBody(matchingJsonPath("$.collected.role", equalTo("client")))));
  }

  @Test
  void aStoreThatIsDownKeepsTheSignupInTheOutboxUntilItIsBack() throws Exception {
    postgrest.stubFor(
        post(urlPathEqualTo(RealtimeCallTest.SUBMIT))
            .inScenario("store")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503)));
    String callSid = newCallSid();
    startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    openai.enqueue(Reply.call("save_waitlist_entry", RealtimeCallTest.ARGS));
    session.callerTurn("yes");
    awaitReceived(session, "response.create", 2);
    Awaitility.await().atMost(WAIT).until(() -> outbox.depth() == 1);

    postgrest.stubFor(
        post(urlPathEqualTo(RealtimeCallTest.SUBMIT))
            .inScenario("store")
            .whenScenarioStateIs("up")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "[{\"id\":\"7d0c5d2e-2f7a-4a51-8f43-2e0f7c1c0a11\","
                            + "\"outcome\":\"created\"}]")));
    postgrest.setScenarioState("store", "up");

    Awaitility.await().atMost(WAIT).until(() -> outbox.depth() == 0);
    long delivered =
        postgrest.getAllServeEvents().stream()
            .filter(e -> e.getRequest().getUrl().startsWith(RealtimeCallTest.SUBMIT))
            .filter(e -> e.getResponse().getStatus() == 200)
            .count();
    assertEquals(1, delivered, "delivered exactly once");
    assertTrue(
        postgrest.findAll(postRequestedFor(urlPathEqualTo(RealtimeCallTest.SUBMIT))).stream()
            .allMatch(r -> r.getBodyAsString().contains("\"call_sid\":\"" + callSid + "\"")));
  }
}
