package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.model.testing.HangingStandIn;
import com.masseurmatch.waitlist.sim.bench.ServiceUnderTest;
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
 * A whole call against the packaged ivr-service while Supabase (PostgREST) and Chat Completions
 * hang: the simulated Twilio, which ends a call whose webhook takes longer than 15 s, hears every
 * answer in time; the caller signs up through the scripted form; the signup reaches the store once
 * it is back. The IVR's deadline is shortened to keep the test short.
 */
class HangingVendorsCallIT {

  private static final String AUTH_TOKEN = "e2e-twilio-auth-token-0123456789";

  @Test
  void everyWebhookAnswersInTimeAndTheSignupIsDeliveredOnceTheStoreIsBack() throws Exception {
    Path data = Files.createTempDirectory("ivr-hanging");
    int port = FreePort.find();
    String base = "http://127.0.0.1:" + port;
    try (HangingStandIn vendors = HangingStandIn.start();
        ServiceProcess ivr =
            ServiceUnderTest.start(
                Path.of("../ivr-service/target/quarkus-app/quarkus-run.jar"),
                port,
                null,
                List.of("-Xmx128m"),
                Map.ofEntries(
                    Map.entry("TWILIO_AUTH_TOKEN", AUTH_TOKEN),
                    Map.entry("PUBLIC_BASE_URL", base),
                    Map.entry("STREAM_TOKEN_SECRET", "e2e-stream-token-secret-0123456789abcdef"),
                    Map.entry("ADMIN_TOKEN", "e2e-admin-token-0123456789"),
                    Map.entry("WAITLIST_DATA_DIR", data.toString()),
                    Map.entry("WAITLIST_OUTBOX_INTERVAL", "200ms"),
                    Map.entry("WAITLIST_STORE", "supabase"),
                    Map.entry("SUPABASE_URL", vendors.baseUrl()),
                    Map.entry("SUPABASE_SERVICE_ROLE_KEY", "e2e-service-role-key"),
                    Map.entry("SUPABASE_READ_TIMEOUT", "120s"),
                    Map.entry("SUPABASE_MAX_ATTEMPTS", "1"),
                    Map.entry("OPENAI_API_KEY", "sk-e2e"),
                    Map.entry("OPENAI_BASE_URL", vendors.baseUrl() + "/v1"),
                    Map.entry("OPENAI_CHAT_TIMEOUT", "120s"),
                    Map.entry("REALTIME_WEBSOCKET_URL", "ws://127.0.0.1:9"),
                    Map.entry("IVR_WEBHOOK_DEADLINE", "2s"),
                    Map.entry("IVR_WEBHOOK_STORE_ATTEMPT", "500ms")),
                data.resolve("ivr-service.log"))) {
      vendors.hang();
      List<String> lines = new ArrayList<>();
      SimulatedCall call =
          new SimulatedCall(
              AUTH_TOKEN,
              "+14155550100",
              "+14155550199",
              new CallScript(
                  "press 1; say I'm Ann Lee; press 1; press 1; say Ann Lee; press 1;"
                      + " say ann dot hang at example dot com; press 1"),
              lines::add);

      SimulatedCall.Result result = call.run(base + "/api/voice");

      String log = String.join("\n", lines);
      assertEquals(0, result.refusedStatus(), log);
      assertEquals(List.of(), result.twilioErrors(), log);
      assertTrue(
          result
              .heard()
              .get(result.heard().size() - 1)
              .contains("You're on the MasseurMatch waitlist"),
          log);
      // every answer came while the store and Chat Completions were still holding the requests
      assertTrue(vendors.hanging());
      assertFalse(vendors.received("/v1/chat/completions").isEmpty(), log);
      assertFalse(vendors.received("/rest/v1/rpc/submit_waitlist_entry").isEmpty(), log);

      vendors.release();

      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  vendors.received("/rest/v1/rpc/submit_waitlist_entry").stream()
                      .anyMatch(
                          r ->
                              !r.held()
                                  && r.method().equals("POST")
                                  && r.body().contains("ann.hang@example.com")
                                  && r.body().contains(call.callSid())));
    }
  }
}
