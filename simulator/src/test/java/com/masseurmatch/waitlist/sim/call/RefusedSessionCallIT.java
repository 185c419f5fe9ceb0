package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.masseurmatch.waitlist.sim.bench.ServiceUnderTest;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.process.FreePort;
import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * OpenAI refuses the session end to end: the bridge is configured with a voice OpenAI does not
 * have, the test kit's Realtime server refuses its {@code session.update} as OpenAI does, and the
 * caller, who chose Knotty, still signs up through the IVR's fallback. Both packaged services run
 * as processes sharing the embedded store; the bridge has no Twilio credentials, so it closes the
 * stream and the simulated Twilio continues with the stream's action, as Twilio does.
 */
class RefusedSessionCallIT {

  private static final String AUTH_TOKEN = "e2e-twilio-auth-token-0123456789";
  private static final String SECRET = "e2e-stream-token-secret-0123456789abcdef";

  @Test
  void aCallerWhoseKnottySessionIsRefusedSignsUpThroughTheFallback() throws Exception {
    Path data = Files.createTempDirectory("refused-session-e2e");
    int bridgePort = FreePort.find();
    int ivrPort = FreePort.find();
    String ivrBase = "http://127.0.0.1:" + ivrPort;
    FakeRealtimeServer openai = new FakeRealtimeServer();
    openai.start();
    try (openai;
        ServiceProcess bridge =
            ServiceUnderTest.start(
                Path.of("../realtime-bridge/target/quarkus-app/quarkus-run.jar"),
                bridgePort,
                null,
                List.of("-Xmx128m"),
                Map.of(
                    "STREAM_TOKEN_SECRET",
                    SECRET,
                    "OPENAI_API_KEY",
                    FakeRealtimeServer.API_KEY,
                    "OPENAI_REALTIME_URL",
                    openai.url(),
                    "OPENAI_VOICE",
                    "nova",
                    "WAITLIST_DATA_DIR",
                    data.toString(),
                    "WAITLIST_STORE",
                    "embedded",
                    "BRIDGE_WARMUP_CALLS",
                    "0"),
                data.resolve("realtime-bridge.log"));
        ServiceProcess ivr =
            ServiceUnderTest.start(
                Path.of("../ivr-service/target/quarkus-app/quarkus-run.jar"),
                ivrPort,
                null,
                List.of("-Xmx128m"),
                Map.of(
                    "TWILIO_AUTH_TOKEN",
                    AUTH_TOKEN,
                    "PUBLIC_BASE_URL",
                    ivrBase,
                    "STREAM_TOKEN_SECRET",
                    SECRET,
                    "ADMIN_TOKEN",
                    "e2e-admin-token-0123456789",
                    "REALTIME_WEBSOCKET_URL",
                    "ws://127.0.0.1:" + bridgePort,
                    "WAITLIST_DATA_DIR",
                    data.toString(),
                    "WAITLIST_STORE",
                    "embedded",
                    // the fallback's Chat Completions is unreachable: the scripted form answers
                    "OPENAI_API_KEY",
                    "sk-e2e-unused",
                    "OPENAI_BASE_URL",
                    "http://127.0.0.1:9/v1"),
                data.resolve("ivr-service.log"))) {
      List<String> lines = new ArrayList<>();
      SimulatedCall call =
          new SimulatedCall(
              AUTH_TOKEN,
              "+14155550100",
              "+14155550199",
              new CallScript(
                  "press 1; listen 20; say Ann Lee; press 1; press 1; say Ann Lee; press 1;"
                      + " say ann dot lee at example dot com; press 1; press 1; press 1"),
              lines::add);

      SimulatedCall.Result result = call.run(ivrBase + "/api/voice");

      String log = String.join("\n", lines);
      assertEquals(0, result.refusedStatus(), log);
      assertEquals(List.of(), result.twilioErrors(), log);
      assertTrue(
          result.events().stream().anyMatch(e -> e.equals("the stream was closed by the server")),
          log);
      // OpenAI refused the bridge's settings, naming its session.update
      FakeRealtimeSession session = openai.sessions().get(0);
      JsonNode error = session.errors().get(0).path("error");
      assertEquals("session.audio.output.voice", error.path("param").asText(), log);
      assertEquals(
          session.received("session.update").get(0).path("event_id").asText(),
          error.path("event_id").asText());
      assertTrue(session.received("response.create").isEmpty(), "Knotty never spoke: " + log);

      Path db = data.resolve("waitlist.db");
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  !StoredRows.first(
                          db, "select email from waitlist where call_sid = ?", call.callSid())
                      .isEmpty());
      assertEquals(
          List.of("Ann Lee", "ann.lee@example.com", "+14155550100", "fallback"),
          StoredRows.first(
              db,
              "select full_name, email, phone, source from waitlist where call_sid = ?",
              call.callSid()),
          log);
      // the bridge left the call as failed; the IVR's fallback finished it
      assertEquals(
          List.of("scripted", "signed_up"),
          StoredRows.first(
              db, "select path, outcome from calls where call_sid = ?", call.callSid()),
          log);
    }
  }
}
