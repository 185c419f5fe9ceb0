package com.masseurmatch.waitlist.bridge.call;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BridgeMetricsTest extends BridgeTestSupport {

  @Test
  void activeCallsAndForwardedFramesAreExported() throws Exception {
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    twilio.media(20, (byte) 1);
    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length == 160);

    given()
        .port(managementPort())
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("bridge_active_calls 1.0"));

    twilio.stop(callSid);
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .port(managementPort())
                    .get("/q/metrics")
                    .then()
                    .body(containsString("bridge_active_calls 0.0"))
                    .body(containsString("bridge_calls_total{outcome=\"abandoned\"}"))
                    .body(
                        containsString(
                            "bridge_frames_forwarded_total{direction=\"caller_to_openai\"}"))
                    .body(containsString("bridge_first_audio_seconds_count")));
  }
}
