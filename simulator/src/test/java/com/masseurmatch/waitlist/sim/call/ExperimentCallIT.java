package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.sim.bench.ServiceUnderTest;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.process.FreePort;
import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An experiment end to end: both packaged services sharing the embedded store, an experiment with
 * two voices at 50/50 started through the admin API, and simulated calls from several numbers. Each
 * Realtime session uses its variant's voice, a repeat caller stays in their arm, and every call's
 * row names its variant.
 */
class ExperimentCallIT {

  private static final String AUTH_TOKEN = "e2e-twilio-auth-token-0123456789";
  private static final String SECRET = "e2e-stream-token-secret-0123456789abcdef";
  private static final String ADMIN = "e2e-admin-token-0123456789";
  private static final Map<String, String> VOICES = Map.of("control", "marin", "cedar", "cedar");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void twoVoicesSplitCallersAndRepeatCallersStayInTheirArm() throws Exception {
    Path data = Files.createTempDirectory("experiment-e2e");
    int bridgePort = FreePort.find();
    int ivrPort = FreePort.find();
    String ivrBase = "http://127.0.0.1:" + ivrPort;
    FakeRealtimeServer openai = new FakeRealtimeServer();
    openai.start();
    try (openai;
        ServiceProcess bridge = bridge(bridgePort, openai, data);
        ServiceProcess ivr = ivr(ivrPort, ivrBase, bridgePort, data)) {
      String id = startExperiment(ivrBase);
      Path db = data.resolve("waitlist.db");

      Map<String, String> armOf = new LinkedHashMap<>();
      List<String> callers = new ArrayList<>();
      // new callers until both arms have two (a fair coin: certain within a few dozen callers)
      for (int i = 0; armCount(armOf, "control") < 2 || armCount(armOf, "cedar") < 2; i++) {
        assertTrue(i < 40, "40 callers and still not two in each arm: " + armOf);
        String caller = String.format("+1415555%04d", 3000 + i);
        callers.add(caller);
        armOf.put(caller, call(ivrBase, caller, openai, db, id));
      }
      // the same callers again, in reverse order: each keeps their variant (and voice)
      List<String> again = new ArrayList<>(callers);
      java.util.Collections.reverse(again);
      for (String caller : again) {
        assertEquals(armOf.get(caller), call(ivrBase, caller, openai, db, id), "caller " + caller);
      }
      assertEquals(Set.of("control", "cedar"), Set.copyOf(armOf.values()));
      assertEquals(callers.size() * 2, openai.sessions().size());
    }
  }

  private static long armCount(Map<String, String> armOf, String arm) {
    return armOf.values().stream().filter(arm::equals).count();
  }

  /**
   * One call from {@code caller} to Knotty: returns its variant as the row records it, after
   * checking that its Realtime session used that variant's voice.
   */
  private String call(String ivrBase, String caller, FakeRealtimeServer openai, Path db, String id)
      throws Exception {
    int before = openai.sessions().size();
    List<String> lines = new ArrayList<>();
    SimulatedCall call =
        new SimulatedCall(
            AUTH_TOKEN, caller, "+14155550199", new CallScript("press 1; listen 4"), lines::add);
    SimulatedCall.Result result = call.run(ivrBase + "/api/voice");
    assertEquals(0, result.refusedStatus(), String.join("\n", lines));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> openai.sessions().size() > before);
    FakeRealtimeSession session = openai.sessions().get(before);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !session.received("session.update").isEmpty());
    String voice =
        session
            .received("session.update")
            .get(0)
            .path("session")
            .path("audio")
            .path("output")
            .path("voice")
            .asText();
    List<String> row =
        Awaitility.await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () ->
                    StoredRows.first(
                        db,
                        "select experiment_id, variant from calls where call_sid = ?",
                        call.callSid()),
                r -> r.size() == 2 && r.get(1) != null);
    assertEquals(id, row.get(0), "the row names the experiment");
    String variant = row.get(1);
    assertEquals(VOICES.get(variant), voice, "caller " + caller + " in " + variant);
    return variant;
  }

  private String startExperiment(String ivrBase) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(ivrBase + "/api/admin/experiments"))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"name": "marin or cedar", "variants": [
                          {"name": "control", "weight": 50, "settings": {"voice": "marin"}},
                          {"name": "cedar", "weight": 50, "settings": {"voice": "cedar"}}]}
                        """))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    String id = json.readTree(created.body()).path("id").asText();
    HttpResponse<String> started =
        http.send(
            HttpRequest.newBuilder(URI.create(ivrBase + "/api/admin/experiments/" + id + "/start"))
                .header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, started.statusCode(), started.body());
    JsonNode body = json.readTree(started.body());
    assertEquals("running", body.path("status").asText());
    return id;
  }

  private static ServiceProcess bridge(int port, FakeRealtimeServer openai, Path data)
      throws Exception {
    return ServiceUnderTest.start(
        Path.of("../realtime-bridge/target/quarkus-app/quarkus-run.jar"),
        port,
        null,
        List.of("-Xmx128m"),
        Map.of(
            "STREAM_TOKEN_SECRET",
            SECRET,
            "OPENAI_API_KEY",
            FakeRealtimeServer.API_KEY,
            "OPENAI_REALTIME_URL",
            openai.url(),
            "WAITLIST_DATA_DIR",
            data.toString(),
            "WAITLIST_STORE",
            "embedded",
            "BRIDGE_WARMUP_CALLS",
            "0"),
        data.resolve("realtime-bridge.log"));
  }

  private static ServiceProcess ivr(int port, String base, int bridgePort, Path data)
      throws Exception {
    return ServiceUnderTest.start(
        Path.of("../ivr-service/target/quarkus-app/quarkus-run.jar"),
        port,
        null,
        List.of("-Xmx128m"),
        Map.of(
            "TWILIO_AUTH_TOKEN",
            AUTH_TOKEN,
            "PUBLIC_BASE_URL",
            base,
            "STREAM_TOKEN_SECRET",
            SECRET,
            "ADMIN_TOKEN",
            ADMIN,
            "REALTIME_WEBSOCKET_URL",
            "ws://127.0.0.1:" + bridgePort,
            "WAITLIST_DATA_DIR",
            data.toString(),
            "WAITLIST_STORE",
            "embedded",
            "OPENAI_API_KEY",
            "sk-e2e-ivr-unused"),
        data.resolve("ivr-service.log"));
  }
}
