package com.masseurmatch.waitlist.ivr.fallback;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.testing.Webhooks.Twiml;
import com.masseurmatch.waitlist.model.outbox.SignupOutbox;
import com.masseurmatch.waitlist.model.testing.HangingStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Supabase (PostgREST), Chat Completions and the bridge all hang: every voice webhook still answers
 * within the (short, in this profile) deadline, the caller signs up through the scripted form, and
 * the signup is delivered once the store is back. Each answer is checked while the stand-ins are
 * still holding the requests they received.
 */
@QuarkusTest
@TestProfile(HangingVendorsTest.Hanging.class)
class HangingVendorsTest {

  static HangingStandIn standIn;

  /** Every outside system on the hanging stand-in; a deadline of two seconds. */
  public static class Hanging implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        standIn = HangingStandIn.start();
        standIn.hang();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String base = "http://127.0.0.1:" + standIn.port();
      return Map.ofEntries(
          Map.entry("waitlist.store", "supabase"),
          Map.entry("supabase.url", base),
          Map.entry("supabase.service-role-key", "test-service-role-key"),
          Map.entry("supabase.read-timeout", "120s"),
          Map.entry("supabase.max-attempts", "1"),
          Map.entry("openai.api-key", "sk-test-ivr"),
          Map.entry("openai.base-url", base + "/v1"),
          Map.entry("openai.chat-timeout", "120s"),
          Map.entry("ivr.realtime.websocket-url", "wss://bridge.example.org"),
          Map.entry("ivr.realtime.health-url", base + "/q/health/ready"),
          Map.entry("ivr.webhook.deadline", "2s"),
          Map.entry("ivr.webhook.store-attempt", "500ms"),
          Map.entry("waitlist.outbox-interval", "200ms"));
    }
  }

  @Inject SignupOutbox outbox;

  @AfterAll
  static void stop() {
    standIn.close();
  }

  private void stillHanging(String path) {
    assertTrue(standIn.hanging());
    assertFalse(standIn.received(path).isEmpty(), "the stand-in holds a request to " + path);
  }

  @Test
  void everyWebhookAnswersInTimeAndTheSignupIsDeliveredLater() {
    String email = "hang" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    FallbackCaller caller = new FallbackCaller(Webhooks.newCallSid());
    Map<String, String> call = Webhooks.call(caller.callSid());

    Twiml realtime = Webhooks.twiml("/api/voice/realtime", call);
    assertEquals(
        "https://ivr.example.org/api/voice/ai-assistant?lang=en",
        realtime.text("/Response/Redirect"));
    stillHanging("/q/health/ready");

    Twiml opening = caller.post("/api/voice/ai-assistant");
    assertTrue(opening.text("//Gather/Say").startsWith("Hi, this is Knotty"), opening.xml());
    stillHanging("/rest/v1/calls");

    Twiml handover = caller.answer("SpeechResult", "I'm Ann Lee and I'm a therapist");
    assertTrue(
        handover.text("//Gather/Say").startsWith("Sorry, let me ask you a few quick questions"),
        handover.xml());
    assertEquals("1", handover.text("//Gather/@numDigits"));
    stillHanging("/v1/chat/completions");

    caller.answer("Digits", "1");
    caller.answer("Digits", "1");
    caller.answer("SpeechResult", "ann lee");
    caller.answer("Digits", "1");
    caller.answer("SpeechResult", email.replace("@", " at ").replace(".", " dot "));
    Twiml done = caller.answer("Digits", "1");
    assertEquals("Say,Hangup", done.verbs());
    assertTrue(done.text("/Response/Say").contains("You're on the MasseurMatch waitlist"));
    stillHanging("/rest/v1/rpc/submit_waitlist_entry");
    assertEquals(1, outbox.depth(), "the signup is kept on disk");

    Twiml ended = Webhooks.twiml("/api/voice/realtime/ended", call);
    assertEquals(
        "https://ivr.example.org/api/voice/ai-assistant?lang=en", ended.text("/Response/Redirect"));
    Map<String, String> recording = Webhooks.call(caller.callSid());
    recording.put("RecordingSid", "RE" + "0".repeat(32));
    recording.put("RecordingUrl", "https://api.twilio.com/recordings/RE1");
    recording.put("RecordingDuration", "7");
    assertEquals("Say,Hangup", Webhooks.twiml("/api/voice/voicemail/recorded", recording).verbs());
    stillHanging("/rest/v1/voicemails");

    standIn.release();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertTrue(
                    standIn.received("/rest/v1/rpc/submit_waitlist_entry").stream()
                        .anyMatch(r -> !r.held() && r.body().contains(email)),
                    "the outbox delivers the signup once the store is back"));
    await().untilAsserted(() -> assertEquals(0, outbox.depth()));
  }
}
