package com.masseurmatch.waitlist.bridge.call;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The call stays connecting until OpenAI confirms the session's settings: the caller's audio and
 * Knotty's greeting go out only after {@code session.updated} shows u-law both ways, and a session
 * whose settings are never confirmed is a failed connect.
 */
@QuarkusTest
class SessionConfirmationTest extends BridgeTestSupport {

  @Test
  void audioAndTheGreetingFollowTheConfirmedSettings() throws Exception {
    MediaStreamClient twilio = startCall(newCallSid());
    twilio.media(20, (byte) 1);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length >= 160);

    JsonNode update = session.received("session.update").get(0);
    assertEquals(RealtimeCodec.SESSION_UPDATE_EVENT_ID, update.path("event_id").asText());
    assertTrue(session.errors().isEmpty(), session.errors().toString());
    JsonNode audio = session.session().path("audio");
    assertEquals("audio/pcmu", audio.path("input").path("format").path("type").asText());
    assertEquals("audio/pcmu", audio.path("output").path("format").path("type").asText());
    assertEquals("marin", audio.path("output").path("voice").asText());
    List<String> types = session.receivedTypes();
    assertEquals("session.update", types.get(0), types.toString());
    assertTrue(
        types.indexOf("input_audio_buffer.append") > 0 && types.indexOf("response.create") > 0,
        types.toString());
  }

  @Test
  void settingsNeverConfirmedAreAFailedConnectTriedOnceMore() throws Exception {
    openai.unconfirmedNext(2);
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    twilio.media(20, (byte) 1);

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                twilioRest.verify(
                    postRequestedFor(urlPathEqualTo(callPath(callSid)))
                        .withRequestBody(containing("ai-assistant"))));
    assertEquals(2, openai.handshakes());
    for (FakeRealtimeSession session : openai.sessions()) {
      // barrier: each socket was closed by the bridge, after everything it sent
      Awaitility.await().atMost(WAIT).until(session::isClosed);
      assertEquals(List.of("session.update", "conversation.item.create"), session.receivedTypes());
    }
  }

  @Test
  void aConfirmationWithoutULawBothWaysIsARefusedSession() throws Exception {
    openai.unconfirmedNext(1);
    String callSid = newCallSid();
    startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "session.update", 1);
    // OpenAI confirms a session that still sends 24 kHz PCM to the caller
    session.sendRaw(
        "{\"type\":\"session.updated\",\"event_id\":\"event_9\",\"session\":{\"type\":"
            + "\"realtime\",\"id\":\"sess_9\",\"audio\":{\"input\":{\"format\":{\"type\":"
            + "\"audio/pcmu\"}},\"output\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},"
            + "\"voice\":\"marin\"}}}}");

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                twilioRest.verify(
                    postRequestedFor(urlPathEqualTo(callPath(callSid)))
                        .withRequestBody(containing("ai-assistant"))));
    Awaitility.await().atMost(WAIT).until(session::isClosed);
    assertEquals(1, openai.handshakes(), "a refusal is not retried");
    assertEquals(List.of("session.update", "conversation.item.create"), session.receivedTypes());
  }

  private static String callPath(String callSid) {
    return "/2010-04-01/Accounts/" + TwilioRestWireMock.ACCOUNT_SID + "/Calls/" + callSid + ".json";
  }
}
