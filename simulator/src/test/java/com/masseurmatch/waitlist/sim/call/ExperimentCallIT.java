package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

  private static final Map<String, String> VOICES = Map.of("control", "marin", "cedar", "cedar");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void twoVoicesSplitCallersAndRepeatCallersStayInTheirArm() throws Exception {
    FakeRealtimeServer openai = new FakeRealtimeServer();
    try (CallServices services =
        CallServices.in("experiment-e2e")
            .bridge(openai)
            .ivrEnv("OPENAI_API_KEY", "sk-e2e-ivr-unused")
            .start()) {
      String ivrBase = services.base();
      String id = startExperiment(ivrBase);
      Path db = services.db();

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
            CallServices.AUTH_TOKEN,
            caller,
            CallServices.IVR_NUMBER,
            new CallScript("press 1; listen 4"),
            lines::add);
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
                .header("Authorization", "Bearer " + CallServices.ADMIN_TOKEN)
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
                .header("Authorization", "Bearer " + CallServices.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, started.statusCode(), started.body());
    JsonNode body = json.readTree(started.body());
    assertEquals("running", body.path("status").asText());
    return id;
  }
}
