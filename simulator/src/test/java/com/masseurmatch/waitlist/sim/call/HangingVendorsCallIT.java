package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.model.testing.HangingStandIn;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A whole call against the packaged ivr-service while Supabase (PostgREST) and Chat Completions
 * hang: the simulated Twilio, which ends a call whose webhook takes longer than 15 s, hears every
 * answer in time; the caller signs up through the scripted form; the signup reaches the store once
 * it is back. The IVR's deadline is shortened to keep the test short.
 */
class HangingVendorsCallIT {

  @Test
  void everyWebhookAnswersInTimeAndTheSignupIsDeliveredOnceTheStoreIsBack() throws Exception {
    HangingStandIn vendors = HangingStandIn.start();
    try (CallServices services =
        CallServices.in("ivr-hanging")
            .fake(vendors)
            .ivrEnv("WAITLIST_OUTBOX_INTERVAL", "200ms")
            .ivrEnv("WAITLIST_STORE", "supabase")
            .ivrEnv("SUPABASE_URL", vendors.baseUrl())
            .ivrEnv("SUPABASE_SERVICE_ROLE_KEY", "e2e-service-role-key")
            .ivrEnv("SUPABASE_READ_TIMEOUT", "120s")
            .ivrEnv("SUPABASE_MAX_ATTEMPTS", "1")
            .ivrEnv("OPENAI_API_KEY", "sk-e2e")
            .ivrEnv("OPENAI_BASE_URL", vendors.baseUrl() + "/v1")
            .ivrEnv("OPENAI_CHAT_TIMEOUT", "120s")
            .stoppedBridge()
            .ivrEnv("IVR_WEBHOOK_DEADLINE", "2s")
            .ivrEnv("IVR_WEBHOOK_STORE_ATTEMPT", "500ms")
            .start()) {
      vendors.hang();
      CallServices.Placed placed =
          services.place(
              "press 1; say I'm Ann Lee; press 1; press 1; say Ann Lee; press 1;"
                  + " say ann dot hang at example dot com; press 1");
      placed.assertAnswered();
      SimulatedCall call = placed.call();
      SimulatedCall.Result result = placed.result();
      String log = placed.log();
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
