package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.openai.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Option 1 end to end: both packaged services as processes sharing the embedded store, a fake
 * OpenAI that plays a signup, and the simulated call streaming to the bridge like Twilio.
 */
class RealtimeCallIT {

  private static final String CALLER_SAID =
      "I'm Ann Lee, a massage therapist, ann.lee@example.com, 415 555 0100";
  private static final String SAVE_ARGUMENTS =
      "{\"full_name\":\"Ann Lee\",\"phone\":\"415 555 0100\","
          + "\"email\":\"ann.lee@example.com\",\"role\":\"therapist\"}";

  @Test
  void aRealtimeSignupLeavesTheEntryAndTheCallWithItsTranscript() throws Exception {
    FakeRealtimeServer openai = new FakeRealtimeServer();
    ChatAnalysisStandIn chat = new ChatAnalysisStandIn();
    try (CallServices services =
        CallServices.in("realtime-e2e")
            .fake(chat)
            .bridge(openai)
            .bridgeEnv("BRIDGE_WARMUP_CALLS", "2")
            .bridgeEnv("BRIDGE_WARMUP_LENGTH", "1s")
            // option 1 is offered only with a key; the fallback's chat is not reached here, the
            // post-call analysis is
            .ivrEnv("OPENAI_API_KEY", ChatAnalysisStandIn.API_KEY)
            .ivrEnv("OPENAI_BASE_URL", chat.url())
            .ivrEnv("JOBS_POLL_INTERVAL", "1s")
            .start()) {
      CompletableFuture<Void> knotty = CompletableFuture.runAsync(() -> playSignup(openai));
      List<String> lines = new ArrayList<>();
      SimulatedCall call = CallServices.call("press 1; listen 4", lines);
      SimulatedCall.Result result = call.run(services.voiceUrl());

      assertEquals(0, result.refusedStatus(), String.join("\n", lines));
      knotty.get(10, TimeUnit.SECONDS);
      assertEquals(List.of(), result.twilioErrors(), String.join("\n", lines));
      assertTrue(
          result.heard().stream().anyMatch(h -> h.matches("\\(0\\.[1-9].* s of audio.*")),
          "Knotty's audio reached the caller: " + lines);
      assertTrue(
          result.events().stream().anyMatch(e -> e.startsWith("the server cleared queued audio")),
          "barge-in during the greeting reached Twilio as a clear: " + lines);
      Path db = services.db();
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

      // the bridge queued the finished call's analysis; ivr-service ran it against the stand-in
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  List.of("done")
                      .equals(
                          row(
                              db,
                              "select analysis_status from calls where call_sid = ?",
                              call.callSid())));
      assertEquals(
          List.of("0.6", "signed_up", "gpt-4o-mini-2024-07-18"),
          row(
              db,
              "select json_extract(analysis, '$.sentiment'), json_extract(analysis,"
                  + " '$.outcome_reason'), analysis_model from calls where call_sid = ?",
              call.callSid()));
      assertEquals(1, chat.requests().size());
      assertTrue(
          chat.requests().get(0).contains("Ann Lee, a massage therapist"), chat.requests().get(0));
    }
  }

  /**
   * Knotty greets; the caller talks over the greeting (the bridge must clear Twilio's queued audio)
   * and gives their details; Knotty saves them and confirms after the tool's output.
   */
  private static void playSignup(FakeRealtimeServer openai) {
    openai.enqueue(
        Reply.speech("Hi, I'm Knotty. Who am I speaking with?", 1600),
        Reply.call("save_waitlist_entry", SAVE_ARGUMENTS),
        Reply.speech("You're on the MasseurMatch waitlist, Ann. Goodbye!", 800));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !openai.sessions().isEmpty());
    FakeRealtimeSession session = openai.sessions().get(0);
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !session.received("response.create").isEmpty());
    session.speechStarted(40);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !session.responding());
    session.callerTurn(CALLER_SAID);
  }

  private static List<String> row(Path db, String sql, String callSid) throws Exception {
    return StoredRows.first(db, sql, callSid);
  }
}
