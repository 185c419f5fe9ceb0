package com.masseurmatch.waitlist.bridge.call;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.bridge.fake.FakeOpenAiResource;
import com.masseurmatch.waitlist.bridge.fake.InjectFakeOpenAi;
import com.masseurmatch.waitlist.bridge.fake.InjectTwilioRest;
import com.masseurmatch.waitlist.bridge.fake.TwilioRestWireMock;
import com.masseurmatch.waitlist.model.store.WaitlistConfig;
import com.masseurmatch.waitlist.model.testing.InjectPostgrest;
import com.masseurmatch.waitlist.model.testing.PostgrestWireMock;
import com.masseurmatch.waitlist.model.token.StreamTokens;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up of the bridge's call tests: the fakes, a Twilio client, stubs. */
@QuarkusTestResource(FakeOpenAiResource.class)
@QuarkusTestResource(PostgrestWireMock.class)
@QuarkusTestResource(TwilioRestWireMock.class)
abstract class BridgeTestSupport {

  static final Duration WAIT = Duration.ofSeconds(10);
  static final String CALLER = "+14155550100";

  @InjectFakeOpenAi FakeRealtimeServer openai;
  @InjectPostgrest WireMockServer postgrest;
  @InjectTwilioRest WireMockServer twilioRest;
  @Inject StreamTokens tokens;

  @TestHTTPResource("/media-stream")
  URI mediaStream;

  private final List<MediaStreamClient> clients = new ArrayList<>();

  @BeforeEach
  void resetFakes() {
    openai.reset();
    postgrest.resetAll();
    twilioRest.resetAll();
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/calls")).willReturn(aResponse().withStatus(201)));
    twilioRest.stubFor(
        post(urlPathMatching("/2010-04-01/Accounts/.*/Calls/.*\\.json"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"sid\":\"CA0\",\"status\":\"completed\",\"account_sid\":\""
                            + TwilioRestWireMock.ACCOUNT_SID
                            + "\"}")));
  }

  @Inject WaitlistConfig waitlistConfig;

  @AfterEach
  void closeClients() throws java.io.IOException {
    clients.forEach(MediaStreamClient::close);
    clients.clear();
    // a signup a test left in the outbox must not be delivered during the next test
    java.nio.file.Path outbox = waitlistConfig.dataDir().resolve("outbox");
    if (java.nio.file.Files.isDirectory(outbox)) {
      try (var files = java.nio.file.Files.list(outbox)) {
        for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
          java.nio.file.Files.deleteIfExists(file);
        }
      }
    }
  }

  static String newCallSid() {
    return "CA" + UUID.randomUUID().toString().replace("-", "");
  }

  MediaStreamClient connect() throws Exception {
    MediaStreamClient client = MediaStreamClient.connect(mediaStream.getPort());
    clients.add(client);
    return client;
  }

  /** Connects, starts a stream with a valid token and waits for OpenAI's socket. */
  MediaStreamClient startCall(String callSid) throws Exception {
    MediaStreamClient client = connect();
    client.connected();
    client.start(callSid, tokens.issue(callSid), CALLER);
    return client;
  }

  FakeRealtimeSession awaitOpenAi(int index) {
    Awaitility.await().atMost(WAIT).until(() -> openai.sessions().size() > index);
    return openai.sessions().get(index);
  }

  /** The first {@code function_call_output} the model received, once it has. */
  static JsonNode awaitFunctionOutput(FakeRealtimeSession session) {
    Awaitility.await().atMost(WAIT).until(() -> !functionOutputs(session).isEmpty());
    return functionOutputs(session).get(0);
  }

  private static List<JsonNode> functionOutputs(FakeRealtimeSession session) {
    return session.received("conversation.item.create").stream()
        .map(event -> event.path("item"))
        .filter(item -> "function_call_output".equals(item.path("type").asText()))
        .toList();
  }

  /**
   * A series' value at {@code /q/metrics}, such as {@code bridge_calls_total{...}}; 0 if absent.
   */
  static double metric(String series) {
    String body =
        io.restassured.RestAssured.given().port(managementPort()).get("/q/metrics").asString();
    for (String line : body.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return 0;
  }

  /** The management interface's port: metrics and health details are served there only. */
  static int managementPort() {
    return io.quarkus.arc.Arc.container()
        .instance(io.quarkus.vertx.http.HttpServer.class)
        .get()
        .getManagementPort();
  }

  static List<JsonNode> awaitReceived(FakeRealtimeSession session, String type, int count) {
    Awaitility.await().atMost(WAIT).until(() -> session.received(type).size() >= count);
    return session.received(type);
  }
}
