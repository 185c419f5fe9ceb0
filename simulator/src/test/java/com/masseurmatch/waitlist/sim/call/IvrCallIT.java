package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole calls against the packaged ivr-service as Twilio would place them: signed webhooks, the
 * TwiML followed verb by verb, and the rows the IVR wrote to its (embedded) store.
 */
class IvrCallIT {

  private static final String AUTH_TOKEN = CallServices.AUTH_TOKEN;
  private static CallServices services;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    services =
        CallServices.in("ivr-e2e")
            .transferAlwaysOpen()
            // option 1 is offered, but the bridge is stopped and Chat Completions unreachable
            .unreachableChat()
            .stoppedBridge()
            .start();
    base = services.base();
  }

  @AfterAll
  static void stop() throws Exception {
    if (services != null) {
      services.close();
    }
  }

  private static SimulatedCall call(String token, String steps, List<String> lines) {
    return new SimulatedCall(
        token, CallServices.CALLER, CallServices.IVR_NUMBER, new CallScript(steps), lines::add);
  }

  @Test
  void optionThreeLeavesAVoicemailWithItsTranscription() throws Exception {
    List<String> lines = new ArrayList<>();
    SimulatedCall call = call(AUTH_TOKEN, "press 3; record 12", lines);
    SimulatedCall.Result result = call.run(base + "/api/voice");

    assertEquals(0, result.refusedStatus(), String.join("\n", lines));
    assertEquals(List.of(), result.twilioErrors(), String.join("\n", lines));
    assertTrue(result.heard().get(0).contains("press 3"), result.heard().get(0));
    assertTrue(
        result.heard().stream().anyMatch(h -> h.contains("after the tone")), lines.toString());
    assertEquals(List.of("12", "Hi, this is a simulated voicemail."), voicemail(call.callSid()));
    awaitCall(call.callSid(), "voicemail", "voicemail");
  }

  @Test
  void optionTwoUnansweredGoesToVoicemail() throws Exception {
    List<String> lines = new ArrayList<>();
    SimulatedCall call = call(AUTH_TOKEN, "say team; dial no-answer; record 7", lines);
    SimulatedCall.Result result = call.run(base + "/api/voice");

    assertEquals(0, result.refusedStatus(), String.join("\n", lines));
    assertEquals(List.of(), result.twilioErrors(), String.join("\n", lines));
    assertTrue(
        result.events().stream().anyMatch(e -> e.equals("dialled +14155550123: no-answer")),
        lines.toString());
    assertEquals("7", voicemail(call.callSid()).get(0), lines.toString());
    awaitCall(call.callSid(), "voicemail", "voicemail");
  }

  @Test
  void optionOneWithTheBridgeStoppedSignsUpThroughTheFallback() throws Exception {
    List<String> lines = new ArrayList<>();
    SimulatedCall call =
        call(
            AUTH_TOKEN,
            "press 1; say Ann Lee; press 1; press 1; say Ann Lee; press 1;"
                + " say ann dot lee at example dot com; press 1; press 1; press 1",
            lines);
    SimulatedCall.Result result = call.run(base + "/api/voice");

    assertEquals(0, result.refusedStatus(), String.join("\n", lines));
    assertEquals(List.of(), result.twilioErrors(), String.join("\n", lines));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> !row("select email from waitlist where call_sid = ?", call.callSid()).isEmpty());
    assertEquals(
        List.of("Ann Lee", "ann.lee@example.com", "therapist", "+14155550100"),
        row(
            "select full_name, email, role, phone from waitlist where call_sid = ?",
            call.callSid()),
        String.join("\n", lines));
  }

  @Test
  void aForgedSignatureIsRefusedAndNothingIsStored() throws Exception {
    List<String> lines = new ArrayList<>();
    SimulatedCall call = call("not-the-auth-token", "press 3; record 5", lines);
    SimulatedCall.Result result = call.run(base + "/api/voice");

    assertEquals(403, result.refusedStatus(), lines.toString());
    assertTrue(result.heard().isEmpty());
    assertEquals(List.of(), row("select path from calls where call_sid = ?", call.callSid()));
  }

  /** Duration and transcription of the call's voicemail. */
  private static List<String> voicemail(String callSid) throws Exception {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                !row(
                        "select transcription from voicemails where call_sid = ? and"
                            + " transcription is not null",
                        callSid)
                    .isEmpty());
    return row("select duration_s, transcription from voicemails where call_sid = ?", callSid);
  }

  private static void awaitCall(String callSid, String path, String outcome) {
    // the IVR writes the calls row off the request
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                List.of(path, outcome)
                    .equals(row("select path, outcome from calls where call_sid = ?", callSid)));
  }

  private static List<String> row(String sql, String callSid) throws Exception {
    return StoredRows.first(services.db(), sql, callSid);
  }
}
