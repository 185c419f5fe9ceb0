package com.masseurmatch.waitlist.bridge.drain;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.model.token.StreamTokens;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the packaged bridge with a call in progress: readiness goes down at once, the call
 * keeps flowing (Quarkus' HTTP shutdown does not wait for WebSockets; the bridge's drain does), and
 * at the drain limit the call is redirected to the IVR's fallback before the process exits.
 */
class DrainIT {

  private static final String SECRET = "drain-test-stream-secret-0123456789abcdef";
  private static final String CALL = "CA0123456789abcdef0123456789abcdef";

  @TempDir Path data;
  private final FakeRealtimeServer openai = new FakeRealtimeServer();
  private final WireMockServer twilio =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @BeforeEach
  void fakes() {
    twilio.start();
    twilio.stubFor(
        post(urlPathMatching("/2010-04-01/Accounts/.*/Calls/.*\\.json"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"sid\":\"" + CALL + "\",\"status\":\"in-progress\"}")));
  }

  @AfterEach
  void stopFakes() {
    openai.close();
    twilio.stop();
  }

  @Test
  void aLiveCallSurvivesSigtermUntilTheDrainLimitThenGoesToTheFallback() throws Exception {
    int openaiPort = openai.start();
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("STREAM_TOKEN_SECRET", SECRET),
            Map.entry("WAITLIST_DATA_DIR", data.toString()),
            Map.entry("WAITLIST_STORE", "embedded"),
            Map.entry("OPENAI_API_KEY", FakeRealtimeServer.API_KEY),
            Map.entry("OPENAI_REALTIME_URL", "ws://127.0.0.1:" + openaiPort + "/v1/realtime"),
            Map.entry("TWILIO_ACCOUNT_SID", "AC22222222222222222222222222222222"),
            Map.entry("TWILIO_AUTH_TOKEN", "drain-test-twilio-token"),
            Map.entry("TWILIO_API_BASE_URL", "http://localhost:" + twilio.port()),
            Map.entry("IVR_BASE_URL", "https://ivr.example.org"),
            Map.entry("SHUTDOWN_DELAY", "1s"),
            Map.entry("BRIDGE_DRAIN_LIMIT", "4s"));
    ServiceProcess started = null;
    try (ServiceProcess bridge = ServiceProcess.start(env)) {
      started = bridge;
      // ready once the start-up warm-up has run its synthetic calls
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  bridge.awaitHttp("/api/health/ready", Duration.ofSeconds(30)).statusCode()
                      == 200);
      assertTrue(
          bridge
              .awaitManagement("/q/health/ready", Duration.ofSeconds(5))
              .body()
              .replaceAll("\\s", "")
              .contains("\"warmed_up\":true"));
      assertTrue(openai.sessions().isEmpty(), "the warm-up never reaches OpenAI");
      MediaStreamClient caller = MediaStreamClient.connect(bridge.port());
      caller.connected();
      String token = new StreamTokens(SECRET, Duration.ofMinutes(5), Clock.systemUTC()).issue(CALL);
      caller.start(CALL, token, "+14155550100");
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !openai.sessions().isEmpty());
      FakeRealtimeSession session = openai.sessions().get(0);
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !session.received("response.create").isEmpty());

      bridge.terminate();

      Awaitility.await()
          .atMost(Duration.ofSeconds(3))
          .until(
              () ->
                  bridge.awaitHttp("/api/health/ready", Duration.ofSeconds(2)).statusCode() == 503);
      // past the shutdown delay the call still flows both ways
      Thread.sleep(1500);
      caller.media(5000, (byte) 9);
      Awaitility.await()
          .atMost(Duration.ofSeconds(2))
          .until(() -> session.appendedAudio().length >= 160);
      twilio.verify(0, postRequestedFor(urlPathMatching(".*/Calls/" + CALL + "\\.json")));

      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  twilio.verify(
                      postRequestedFor(
                              urlPathEqualTo(
                                  "/2010-04-01/Accounts/AC22222222222222222222222222222222/Calls/"
                                      + CALL
                                      + ".json"))
                          .withRequestBody(containing("ai-assistant"))));
      assertNotEquals(-1, bridge.awaitExit(Duration.ofSeconds(20)), "the bridge did not exit");
      assertTrue(bridge.output().contains("drained"), bridge.output());
      caller.close();
    } catch (Throwable e) {
      System.err.println("bridge output:\n" + (started == null ? "" : started.output()));
      throw e;
    }
  }
}
