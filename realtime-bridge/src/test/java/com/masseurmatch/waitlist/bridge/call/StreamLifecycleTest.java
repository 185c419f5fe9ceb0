package com.masseurmatch.waitlist.bridge.call;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.openai.Reply;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Who gets in, what survives the connect, and what happens when either side leaves. */
@QuarkusTest
class StreamLifecycleTest extends BridgeTestSupport {

  @Test
  void aForgedTokenClosesTheStreamBeforeAnyOpenAiCost() throws Exception {
    MediaStreamClient twilio = connect();
    twilio.connected();
    twilio.start(newCallSid(), tokens.issue(newCallSid()), CALLER);

    assertEquals((short) 1008, twilio.awaitClose(WAIT));
    assertEquals(0, openai.handshakes());
  }

  @Test
  void aMissingOrGarbledTokenIsRefusedToo() throws Exception {
    for (String token : new String[] {null, "", "123.abc", "not-a-token"}) {
      MediaStreamClient twilio = connect();
      twilio.start(newCallSid(), token, CALLER);
      assertEquals((short) 1008, twilio.awaitClose(WAIT), "token " + token);
    }
    assertEquals(0, openai.handshakes());
  }

  @Test
  void mediaBeforeStartIsIgnoredAndNeverReachesOpenAi() throws Exception {
    MediaStreamClient twilio = connect();
    twilio.connected();
    twilio.media(20, (byte) 1);
    twilio.sendText("{\"event\":\"media\"}");
    twilio.sync();
    assertTrue(!twilio.isClosed(), "an unauthenticated stream waits for its start");

    // only the start opens OpenAI, and what came before it is not forwarded
    String callSid = newCallSid();
    twilio.start(callSid, tokens.issue(callSid), CALLER);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    twilio.media(40, (byte) 2);
    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length >= 160);
    assertEquals(1, openai.handshakes());
    assertEquals(160, session.appendedAudio().length);
    assertEquals(2, session.appendedAudio()[0]);
  }

  @Test
  void callerAudioSentWhileOpenAiConnectsIsAllDeliveredInOrder() throws Exception {
    openai.acceptDelay(Duration.ofMillis(400));
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 40; i++) {
      twilio.media(20L * (i + 1), (byte) i);
      byte[] frame = new byte[160];
      java.util.Arrays.fill(frame, (byte) i);
      expected.writeBytes(frame);
    }
    FakeRealtimeSession session = awaitOpenAi(0);
    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length >= 40 * 160);
    for (int i = 40; i < 50; i++) {
      twilio.media(20L * (i + 1), (byte) i);
      byte[] frame = new byte[160];
      java.util.Arrays.fill(frame, (byte) i);
      expected.writeBytes(frame);
    }
    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length >= 50 * 160);
    assertArrayEquals(expected.toByteArray(), session.appendedAudio());
    int update = session.receivedTypes().indexOf("session.update");
    int firstAppend = session.receivedTypes().indexOf("input_audio_buffer.append");
    assertTrue(update >= 0 && update < firstAppend, "audio must follow the pcmu session.update");
  }

  @Test
  void malformedFramesAreIgnoredAndTheCallGoesOn() throws Exception {
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);

    twilio.sendText("not json at all");
    twilio.sendText("{\"event\":\"media\",\"media\":{\"timestamp\":\"x\",\"payload\":\"AA==\"}}");
    twilio.sendText("{\"event\":\"mark\"}");
    twilio.sendText("{\"no_event\":true}");
    twilio.sendText(
        "{\"event\":\"media\",\"media\":{\"payload\":\"" + "A".repeat(300_000) + "\"}}");
    twilio.sendText("{\"event\":\"something-new\"}");
    session.sendRaw("{\"type\":\"response.output_audio.delta\",\"delta\":");
    session.sendRaw("{\"type\":\"brand.new.event\"}");
    twilio.media(20, (byte) 7);

    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length == 160);
    assertTrue(!twilio.isClosed());
    assertTrue(!session.isClosed());
  }

  @Test
  void aHangUpMidResponseClosesOpenAiAndWritesTheCallRecord() throws Exception {
    openai.enqueue(Reply.speech("A long greeting", 16_000));
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    Awaitility.await().atMost(WAIT).until(() -> !twilio.received("media").isEmpty());

    twilio.stop(callSid);
    twilio.hangUp();

    Awaitility.await().atMost(WAIT).until(session::isClosed);
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                postgrest.verify(
                    postRequestedFor(urlPathEqualTo("/rest/v1/calls"))
                        .withRequestBody(
                            com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                                "$.outcome", equalTo("abandoned")))));
  }

  @Test
  void aHangUpWhileOpenAiIsStillConnectingLeavesNoSocketOpen() throws Exception {
    openai.acceptDelay(Duration.ofMillis(500));
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    // the bridge is opening the OpenAI socket, whose handshake the fake holds for 500 ms
    Awaitility.await().atMost(WAIT).until(() -> openai.handshakes() == 1);
    twilio.stop(callSid);
    twilio.hangUp();

    FakeRealtimeSession session = awaitOpenAi(0);
    Awaitility.await().atMost(WAIT).until(session::isClosed);
    assertTrue(session.received("response.create").isEmpty());
  }
}
