package com.masseurmatch.waitlist.bridge.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.masseurmatch.waitlist.model.token.StreamTokens;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import com.masseurmatch.waitlist.testkit.openai.Reply;
import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signups taken while Supabase is down wait in the outbox. A bridge stopped with SIGTERM tries them
 * once more and says what it leaves, and where; one killed with SIGKILL (no shutdown hook runs)
 * leaves them too; a new bridge on the same data directory delivers each exactly once when the
 * store is back.
 */
class OutboxKillIT {

  private static final String SECRET = "outbox-kill-stream-secret-0123456789abcdef";
  private static final String KEY = "outbox-kill-service-role-key";

  /** The bridge's save (a public channel): PostgREST's {@code rpc/submit_waitlist_entry}. */
  private static final String SUBMIT = "/rest/v1/rpc/submit_waitlist_entry";

  private static final List<String> EMAILS = List.of("ann.lee@example.com", "bo.kay@example.com");

  @TempDir Path data;
  private final FakeRealtimeServer openai = new FakeRealtimeServer();
  private final WireMockServer postgrest =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void stop() {
    openai.close();
    postgrest.stop();
  }

  private Map<String, String> env(int openaiPort) {
    return Map.ofEntries(
        Map.entry("STREAM_TOKEN_SECRET", SECRET),
        Map.entry("WAITLIST_DATA_DIR", data.toString()),
        Map.entry("WAITLIST_STORE", "supabase"),
        Map.entry("SUPABASE_URL", "http://127.0.0.1:" + postgrest.port()),
        Map.entry("SUPABASE_SERVICE_ROLE_KEY", KEY),
        Map.entry("SUPABASE_MAX_ATTEMPTS", "1"),
        Map.entry("WAITLIST_OUTBOX_INTERVAL", "200ms"),
        Map.entry("OPENAI_API_KEY", FakeRealtimeServer.API_KEY),
        Map.entry("OPENAI_REALTIME_URL", "ws://127.0.0.1:" + openaiPort + "/v1/realtime"),
        Map.entry("BRIDGE_WARMUP_CALLS", "0"),
        Map.entry("IVR_BASE_URL", "https://ivr.example.org"));
  }

  private long outboxFiles() throws Exception {
    Path outbox = data.resolve("outbox");
    if (!Files.isDirectory(outbox)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(outbox)) {
      return files.filter(f -> f.toString().endsWith(".json")).count();
    }
  }

  /** Successful signup writes per e-mail, as the stand-in saw them. */
  private Map<String, Long> deliveries() {
    return postgrest.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith(SUBMIT))
        .filter(e -> e.getRequest().getMethod().getName().equals("POST"))
        .filter(e -> e.getResponse().getStatus() == 200)
        .collect(Collectors.groupingBy(this::email, Collectors.counting()));
  }

  private String email(ServeEvent event) {
    try {
      JsonNode body = json.readTree(event.getRequest().getBodyAsString());
      return body.get("email").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** One call in which Knotty's first response saves the caller's signup. */
  private void signUpDuringACall(int port, int n, String email) throws Exception {
    openai.enqueue(
        Reply.call(
            "save_waitlist_entry",
            json.createObjectNode()
                .put("full_name", "Caller Number" + (char) ('a' + n))
                .put("phone", "+1415555010" + n)
                .put("email", email)
                .put("role", "client")
                .toString()));
    MediaStreamClient caller = MediaStreamClient.connect(port);
    caller.connected();
    String call = "CA" + n + "0123456789abcdef0123456789abcde".substring(0, 31);
    caller.start(
        call,
        new StreamTokens(SECRET, Duration.ofMinutes(5), Clock.systemUTC()).issue(call),
        "+1415555010" + n);
    // the store answers 503, so the signup lands in the outbox
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outboxFiles() == n + 1);
    // hang up and wait for the OpenAI session to close: the fake's replies are shared, and this
    // call's next response must not take the next call's function call
    caller.hangUp();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> openai.sessions().get(n).isClosed());
    caller.close();
  }

  private int startFakesWithTheStoreDown() throws Exception {
    int openaiPort = openai.start();
    postgrest.start();
    postgrest.stubFor(
        any(urlPathMatching("/rest/v1/.*")).willReturn(aResponse().withStatus(201).withBody("[]")));
    postgrest.stubFor(
        post(urlPathEqualTo(SUBMIT))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withBody("{\"code\":\"PGRST000\",\"message\":\"database unavailable\"}")));
    return openaiPort;
  }

  @Test
  void aStoppingBridgeTriesItsOutboxAndSaysWhatItLeavesAndWhere() throws Exception {
    int openaiPort = startFakesWithTheStoreDown();
    try (ServiceProcess bridge = ServiceProcess.start(env(openaiPort))) {
      try {
        bridge.awaitHttp("/api/health", Duration.ofSeconds(30));
        signUpDuringACall(bridge.port(), 0, EMAILS.get(0));
        bridge.terminate();
        assertNotEquals(-1, bridge.awaitExit(Duration.ofSeconds(30)));
        assertTrue(
            bridge
                .output()
                .contains(
                    "outbox: 1 signups left undelivered in "
                        + data.resolve("outbox").toAbsolutePath()),
            bridge.output());
      } catch (Throwable e) {
        System.err.println("bridge:\n" + bridge.output());
        throw e;
      }
    }
    assertEquals(1, outboxFiles(), "the entry stays on disk for the next bridge");
  }

  @Test
  void aKilledBridgesOutboxIsDeliveredOnceByTheNextBridge() throws Exception {
    int openaiPort = openai.start();
    postgrest.start();
    postgrest.stubFor(
        any(urlPathMatching("/rest/v1/.*")).willReturn(aResponse().withStatus(201).withBody("[]")));
    postgrest.stubFor(
        post(urlPathEqualTo(SUBMIT))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withBody("{\"code\":\"PGRST000\",\"message\":\"database unavailable\"}")));

    ServiceProcess first = ServiceProcess.start(env(openaiPort));
    try {
      first.awaitHttp("/api/health", Duration.ofSeconds(30));
      for (int n = 0; n < EMAILS.size(); n++) {
        signUpDuringACall(first.port(), n, EMAILS.get(n));
      }
    } catch (Throwable e) {
      System.err.println("first bridge:\n" + first.output());
      throw e;
    } finally {
      first.close(); // SIGKILL
    }
    assertNotEquals(-1, first.awaitExit(Duration.ofSeconds(20)));
    assertEquals(2, outboxFiles(), "the entries outlive the process");
    assertEquals(Map.of(), deliveries());

    // the store is back
    postgrest.stubFor(
        post(urlPathEqualTo(SUBMIT))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "[{\"id\":\"7d0c5d2e-2f7a-4a51-8f43-2e0f7c1c0a11\","
                            + "\"outcome\":\"created\"}]")));
    try (ServiceProcess second = ServiceProcess.start(env(openaiPort))) {
      try {
        second.awaitHttp("/api/health", Duration.ofSeconds(30));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outboxFiles() == 0);
        second.terminate();
        assertNotEquals(-1, second.awaitExit(Duration.ofSeconds(20)));
      } catch (Throwable e) {
        System.err.println("second bridge:\n" + second.output());
        throw e;
      }
      assertTrue(second.output().contains("outbox: delivered the signup"), second.output());
    }
    // after the process has exited nothing more can arrive: each signup was written once
    assertEquals(Map.of(EMAILS.get(0), 1L, EMAILS.get(1), 1L), deliveries());
  }
}
