package com.masseurmatch.waitlist.bridge.call;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.masseurmatch.waitlist.bridge.fake.TwilioRestWireMock;
import com.masseurmatch.waitlist.bridge.openai.RealtimeCodec;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A mistyped voice: OpenAI refuses the {@code session.update}, the session keeps its 24 kHz PCM
 * defaults, and the call must not go on in it. It goes to the IVR's fallback at once (no second
 * try: the same settings would be refused again), and neither the caller's audio nor a reply was
 * ever asked of the refused session.
 */
@QuarkusTest
@TestProfile(SessionRefusedTest.MistypedVoice.class)
class SessionRefusedTest extends BridgeTestSupport {

  public static class MistypedVoice implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("openai.voice", "nova");
    }
  }

  @Test
  void aRefusedSessionSendsTheCallToTheFallbackWithoutAudioOrAReply() throws Exception {
    double refusedBefore =
        metric("bridge_calls_redirected_total{reason=\"openai_session_refused\"}");
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    twilio.media(20, (byte) 1);
    twilio.media(40, (byte) 1);
    FakeRealtimeSession session = awaitOpenAi(0);

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                twilioRest.verify(
                    postRequestedFor(urlPathEqualTo(callPath(callSid)))
                        .withRequestBody(containing("ai-assistant"))));
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                postgrest.verify(
                    postRequestedFor(urlPathEqualTo("/rest/v1/calls"))
                        .withRequestBody(matchingJsonPath("$.call_sid", equalTo(callSid)))
                        .withRequestBody(matchingJsonPath("$.outcome", equalTo("failed")))));

    // OpenAI named the bridge's session.update in its refusal
    JsonNode error = session.errors().get(0).path("error");
    assertEquals("invalid_value", error.path("code").asText());
    assertEquals("session.audio.output.voice", error.path("param").asText());
    assertEquals(RealtimeCodec.SESSION_UPDATE_EVENT_ID, error.path("event_id").asText());
    // barrier: the bridge closed the refused socket, so everything it sent before has arrived
    Awaitility.await().atMost(WAIT).until(session::isClosed);
    assertEquals(
        List.of("session.update", "conversation.item.create"),
        session.receivedTypes(),
        "nothing but the settings and the caller's number went to a session not confirmed");
    assertEquals(1, openai.handshakes(), "a refusal is not retried");
    assertTrue(twilio.received("media").isEmpty(), "Knotty never spoke");
    assertEquals(
        refusedBefore + 1,
        metric("bridge_calls_redirected_total{reason=\"openai_session_refused\"}"));
  }

  private static String callPath(String callSid) {
    return "/2010-04-01/Accounts/" + TwilioRestWireMock.ACCOUNT_SID + "/Calls/" + callSid + ".json";
  }
}
