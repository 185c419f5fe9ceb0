package com.masseurmatch.waitlist.bridge.call;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.masseurmatch.waitlist.bridge.admission.StreamClaims;
import com.masseurmatch.waitlist.bridge.fake.TwilioRestWireMock;
import com.masseurmatch.waitlist.model.token.StreamTokens;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A stream token opens one stream, a call has one live stream, and only phone audio is taken. */
@QuarkusTest
class StreamTokenUseTest extends BridgeTestSupport {

  @Inject StreamClaims claims;

  @ConfigProperty(name = "stream-token.secret")
  String secret;

  /** A token for the same call with another expiry, as a later webhook would issue. */
  private String anotherToken(String callSid, int seconds) {
    return new StreamTokens(secret, Duration.ofSeconds(seconds), Clock.systemUTC()).issue(callSid);
  }

  @Test
  void aTokenIsRefusedWhileItsStreamIsLiveAndAfterItEnded() throws Exception {
    String callSid = newCallSid();
    String token = tokens.issue(callSid);
    MediaStreamClient first = connect();
    first.start(callSid, token, CALLER);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);

    MediaStreamClient again = connect();
    again.start(callSid, token, CALLER);
    assertEquals((short) 1008, again.awaitClose(WAIT));

    MediaStreamClient other = connect();
    other.start(callSid, anotherToken(callSid, 3_600), CALLER);
    assertEquals((short) 1008, other.awaitClose(WAIT), "one live stream per call");

    first.stop(callSid);
    first.hangUp();
    Awaitility.await().atMost(WAIT).until(() -> claims.live() == 0);
    MediaStreamClient replay = connect();
    replay.start(callSid, token, CALLER);
    assertEquals((short) 1008, replay.awaitClose(WAIT), "a used token stays used");
    assertEquals(1, openai.handshakes());

    MediaStreamClient next = connect();
    next.start(callSid, anotherToken(callSid, 7_200), CALLER);
    awaitOpenAi(1);
    assertEquals(2, openai.handshakes());
  }

  @Test
  void audioThatIsNotEightKilohertzMonoMuLawGoesToTheFallback() throws Exception {
    String callSid = newCallSid();
    MediaStreamClient twilio = connect();
    twilio.start(
        callSid,
        tokens.issue(callSid),
        CALLER,
        "{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":16000,\"channels\":1}");
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                twilioRest.verify(
                    postRequestedFor(
                            urlPathEqualTo(
                                "/2010-04-01/Accounts/"
                                    + TwilioRestWireMock.ACCOUNT_SID
                                    + "/Calls/"
                                    + callSid
                                    + ".json"))
                        .withRequestBody(containing("ai-assistant"))));
    assertEquals(0, openai.handshakes());
  }

  @Test
  void aSingleFrameOver64KibIsCountedAndIgnored() throws Exception {
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    double before = metric("bridge_frames_malformed_total{side=\"twilio\"}");

    twilio.sendSingleFrame("{\"event\":\"media\",\"junk\":\"" + "x".repeat(300 * 1024) + "\"}");
    twilio.sync();
    twilio.media(20, (byte) 0x7f);
    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length == 160);
    assertEquals(null, twilio.awaitClose(Duration.ZERO), "the call goes on");
    assertEquals(before + 1, metric("bridge_frames_malformed_total{side=\"twilio\"}"));
  }
}
