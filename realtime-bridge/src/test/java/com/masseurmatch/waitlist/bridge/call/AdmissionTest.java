package com.masseurmatch.waitlist.bridge.call;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.masseurmatch.waitlist.bridge.fake.TwilioRestWireMock;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call cap, the start timeout and the cap on sockets that have not started. */
@QuarkusTest
@TestProfile(AdmissionTest.Small.class)
class AdmissionTest extends BridgeTestSupport {

  public static class Small implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("bridge.max-calls", "1");
    }
  }

  @BeforeEach
  void storeAnswersPings() {
    postgrest.stubFor(
        WireMock.get(urlPathEqualTo("/rest/v1/waitlist"))
            .willReturn(WireMock.aResponse().withStatus(200).withBody("[]")));
  }

  @Test
  void atTheCapReadinessTurnsAndAnExtraStreamIsRedirected() throws Exception {
    String first = newCallSid();
    MediaStreamClient call = startCall(first);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    given()
        .port(managementPort())
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body("checks.find { it.name == 'calls' }.data.active_calls", equalTo(1));

    String second = newCallSid();
    startCall(second);
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
                                    + second
                                    + ".json"))
                        .withRequestBody(containing("ai-assistant"))));
    assertEquals(1, openai.handshakes(), "the extra stream never reached OpenAI");

    call.stop(first);
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                given()
                    .port(managementPort())
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("checks.name", hasItem("calls")));
  }

  @Test
  void aSocketWithoutStartIsClosedOnTime() throws Exception {
    MediaStreamClient idle = connect();
    idle.connected();
    assertEquals((short) 1008, idle.awaitClose(Duration.ofSeconds(5)));
  }

  @Test
  void aFloodOfIdleSocketsCannotLockOutARealCall() throws Exception {
    List<MediaStreamClient> flood = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      flood.add(connect());
    }
    String callSid = newCallSid();
    startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    Awaitility.await().atMost(WAIT).until(() -> flood.get(0).isClosed() && flood.get(1).isClosed());
    assertEquals(1, openai.handshakes());
  }
}
