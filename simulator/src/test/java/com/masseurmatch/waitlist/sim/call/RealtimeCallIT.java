package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.sim.bench.FreePort;
import com.masseurmatch.waitlist.sim.bench.ServiceUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Option 1 end to end: both packaged services as processes sharing the embedded store, a fake
 * OpenAI that plays a signup, and the simulated call streaming to the bridge like Twilio.
 */
class RealtimeCallIT {

  private static final String AUTH_TOKEN = "e2e-twilio-auth-token-0123456789";
  private static final String SECRET = "e2e-stream-token-secret-0123456789abcdef";

  @Test
  void aRealtimeSignupLeavesTheEntryAndTheCallWithItsTranscript() throws Exception {
    Path data = Files.createTempDirectory("realtime-e2e");
    int bridgePort = FreePort.find();
    int ivrPort = FreePort.find();
    String ivrBase = "http://127.0.0.1:" + ivrPort;
    try (SignupRealtimeServer openai = new SignupRealtimeServer();
        ServiceUnderTest bridge =
            ServiceUnderTest.start(
                Path.of("../realtime-bridge/target/quarkus-app/quarkus-run.jar"),
                bridgePort,
                null,
                List.of("-Xmx128m"),
                Map.of(
                    "STREAM_TOKEN_SECRET",
                    SECRET,
                    "OPENAI_API_KEY",
                    SignupRealtimeServer.KEY,
                    "OPENAI_REALTIME_URL",
                    openai.url(),
                    "WAITLIST_DATA_DIR",
                    data.toString(),
                    "WAITLIST_STORE",
                    "embedded",
                    "BRIDGE_WARMUP_CALLS",
                    "2",
                    "BRIDGE_WARMUP_LENGTH",
                    "1s"),
                data.resolve("realtime-bridge.log"));
        ServiceUnderTest ivr =
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
                    // option 1 is offered only with a key; the fallback's chat is not reached here
                    "OPENAI_API_KEY",
                    "sk-e2e-ivr-unused"),
                data.resolve("ivr-service.log"))) {
      List<String> lines = new ArrayList<>();
      SimulatedCall call =
          new SimulatedCall(
              AUTH_TOKEN,
              "+14155550100",
              "+14155550199",
              new CallScript("press 1; listen 4"),
              lines::add);
      SimulatedCall.Result result = call.run(ivrBase + "/api/voice");

      assertEquals(0, result.refusedStatus(), String.join("\n", lines));
      assertEquals(List.of(), result.twilioErrors(), String.join("\n", lines));
      assertEquals(List.of(), result.twilioErrors(), String.join("\n", lines));
      assertTrue(
          result.heard().stream().anyMatch(h -> h.matches("\\(0\\.[1-9].* s of audio.*")),
          "Knotty's audio reached the caller: " + lines);
      assertTrue(
          result.events().stream().anyMatch(e -> e.startsWith("the server cleared queued audio")),
          "barge-in during the greeting reached Twilio as a clear: " + lines);
      Path db = data.resolve("waitlist.db");
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  List.of("realtime", "signed_up")
                      .equals(
                          row(
                              db,
                              "select path, outcome from calls where call_sid = ?",
                              call.callSid())));
      assertEquals(
          List.of("Ann Lee", "therapist", "phone"),
          row(
              db,
              "select full_name, role, source from waitlist where call_sid = ?",
              call.callSid()));
      String transcript =
          row(db, "select transcript from calls where call_sid = ?", call.callSid()).get(0);
      assertTrue(transcript.contains("Ann Lee, a massage therapist"), transcript);
      assertTrue(transcript.contains("on the MasseurMatch waitlist"), transcript);
    }
  }

  private static List<String> row(Path db, String sql, String callSid) throws Exception {
    return StoredRows.first(db, sql, callSid);
  }
}
