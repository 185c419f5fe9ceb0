package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  @Test
  void aCallerWhoseKnottySessionIsRefusedSignsUpThroughTheFallback() throws Exception {
    FakeRealtimeServer openai = new FakeRealtimeServer();
    try (CallServices services =
        CallServices.in("refused-session-e2e")
            .bridge(openai)
            .bridgeEnv("OPENAI_VOICE", "nova")
            // the fallback's Chat Completions is unreachable: the scripted form answers
            .unreachableChat()
            .start()) {
      CallServices.Placed placed =
          services.place(
              "press 1; listen 20; say Ann Lee; press 1; press 1; say Ann Lee; press 1;"
                  + " say ann dot lee at example dot com; press 1; press 1; press 1");
      placed.assertAnswered();
      SimulatedCall call = placed.call();
      SimulatedCall.Result result = placed.result();
      String log = placed.log();
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

      Path db = services.db();
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
