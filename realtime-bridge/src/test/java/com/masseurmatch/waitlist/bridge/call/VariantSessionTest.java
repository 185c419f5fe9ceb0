package com.masseurmatch.waitlist.bridge.call;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamFrames;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A call in an experiment: the bridge reads the variant named by the stream parameters, sets up the
 * Realtime session with its settings, and records the variant on the call.
 */
@QuarkusTest
class VariantSessionTest extends BridgeTestSupport {

  private static final String GET_EXPERIMENT = "/rest/v1/rpc/get_experiment";
  private final ObjectMapper json = new ObjectMapper();

  private void stubExperiment(UUID id) {
    postgrest.stubFor(
        post(urlPathEqualTo(GET_EXPERIMENT))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        [{"id": "%s", "name": "mini", "language": null, "status": "running",
                          "variants": [
                            {"name": "control", "weight": 50, "settings": {"voice": "marin"}},
                            {"name": "mini", "weight": 50, "settings": {"voice": "cedar",
                              "realtime_model": "gpt-realtime-mini", "max_output_tokens": 300,
                              "turn_detection": "semantic_vad", "eagerness": "low",
                              "instructions_file": "knotty_fr.txt"}}],
                          "created_at": "2026-12-07T00:00:00+00:00",
                          "started_at": "2026-12-07T00:00:01+00:00", "stopped_at": null}]
                        """
                            .formatted(id))));
  }

  private MediaStreamClient startInExperiment(String callSid, UUID id, String variant)
      throws Exception {
    MediaStreamClient client = connect();
    client.connected();
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("token", tokens.issue(callSid));
    parameters.put("caller", CALLER);
    parameters.put("language", "es");
    parameters.put("experiment", id.toString());
    parameters.put("variant", variant);
    client.sendText(
        MediaStreamFrames.start(
            MediaStreamClient.ACCOUNT_SID, callSid, MediaStreamClient.STREAM_SID, parameters));
    return client;
  }

  @Test
  void theVariantsSettingsShapeTheSessionAndTheCallRecordNamesIt() throws Exception {
    UUID id = UUID.randomUUID();
    stubExperiment(id);
    String callSid = newCallSid();
    MediaStreamClient twilio = startInExperiment(callSid, id, "mini");
    FakeRealtimeSession session = awaitOpenAi(0);

    JsonNode update = awaitReceived(session, "session.update", 1).get(0).path("session");
    assertEquals("cedar", update.path("audio").path("output").path("voice").asText());
    assertEquals("gpt-realtime-mini", update.path("model").asText());
    assertEquals(300, update.path("max_output_tokens").asInt());
    JsonNode vad = update.path("audio").path("input").path("turn_detection");
    assertEquals("semantic_vad", vad.path("type").asText());
    assertEquals("low", vad.path("eagerness").asText());
    // the variant's instructions file over the Spanish prompt; the rest of Spanish stays
    assertTrue(update.path("instructions").asText().startsWith("Tu es Knotty"), update.toString());
    assertEquals(
        "es", update.path("audio").path("input").path("transcription").path("language").asText());
    assertTrue(openai.lastQuery().contains("model=gpt-realtime-mini"), openai.lastQuery());

    twilio.stop(callSid);
    JsonNode record = awaitFinalRecord(callSid);
    assertEquals(id.toString(), record.path("experiment_id").asText());
    assertEquals("mini", record.path("variant").asText());

    // a second call of the same variant: its settings are not read again
    String second = newCallSid();
    startInExperiment(second, id, "mini");
    JsonNode again = awaitReceived(awaitOpenAi(1), "session.update", 1).get(0).path("session");
    assertEquals("cedar", again.path("audio").path("output").path("voice").asText());
    assertEquals(1, postgrest.findAll(postRequestedFor(urlPathEqualTo(GET_EXPERIMENT))).size());
  }

  @Test
  void anUnknownVariantGetsTheConfiguredSessionRatherThanWaiting() throws Exception {
    UUID id = UUID.randomUUID();
    stubExperiment(id);
    startInExperiment(newCallSid(), id, "nonesuch");
    JsonNode update = awaitReceived(awaitOpenAi(0), "session.update", 1).get(0).path("session");
    // the caller's language's configured set-up: its voice (KNOTTY_VOICE_ES) and prompt
    assertEquals("coral", update.path("audio").path("output").path("voice").asText());
    assertTrue(update.path("instructions").asText().startsWith("Eres Knotty"), update.toString());
    assertFalse(update.has("max_output_tokens"));
    assertTrue(
        openai.lastQuery().contains("model=gpt-realtime&")
            || openai.lastQuery().endsWith("model=gpt-realtime"),
        openai.lastQuery());
  }

  private JsonNode awaitFinalRecord(String callSid) {
    return Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                postgrest.findAll(postRequestedFor(urlPathEqualTo("/rest/v1/calls"))).stream()
                    .map(r -> read(r.getBodyAsString()))
                    .filter(b -> callSid.equals(b.path("call_sid").asText()) && b.has("ended_at"))
                    .findFirst()
                    .orElse(null),
            java.util.Objects::nonNull);
  }

  private JsonNode read(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
