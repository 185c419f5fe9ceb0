package com.masseurmatch.waitlist.sim.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.testkit.twilio.WebhookSigner;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recording with consent end to end: the packaged ivr-service with {@code RECORDING_MODE=ask} and
 * Twilio's Recordings API on loopback. A caller who says yes is recorded (the stand-in receives the
 * request), one who says no is not; an expired recording is deleted at the stand-in and in the
 * database by the retention job.
 */
class RecordingCallIT {

  private static final String AUTH_TOKEN = CallServices.AUTH_TOKEN;
  private static CallServices services;
  private static TwilioRecordingsStandIn twilio;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    twilio = new TwilioRecordingsStandIn(AUTH_TOKEN);
    services =
        CallServices.in("recording-e2e")
            .fake(twilio)
            .ivrEnv("TWILIO_ACCOUNT_SID", TwilioRecordingsStandIn.ACCOUNT_SID)
            .ivrEnv("TWILIO_API_BASE_URL", twilio.url())
            .ivrEnv("RECORDING_MODE", "ask")
            .ivrEnv("JOBS_POLL_INTERVAL", "1s")
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

  @Test
  void aConsentingCallerIsRecordedAndADecliningOneIsNot() throws Exception {
    List<String> lines = new ArrayList<>();
    SimulatedCall yes = CallServices.call("press 1; press 1; hangup", lines);
    SimulatedCall.Result result = yes.run(base + "/api/voice");

    assertEquals(0, result.refusedStatus(), String.join("\n", lines));
    assertEquals(List.of(), result.twilioErrors(), String.join("\n", lines));
    assertTrue(
        result.heard().stream().anyMatch(h -> h.contains("To allow recording, press 1")),
        String.join("\n", lines));
    List<TwilioRecordingsStandIn.Start> starts = startsFor(yes.callSid());
    assertEquals(1, starts.size(), String.join("\n", lines));
    TwilioRecordingsStandIn.Start start = starts.get(0);
    assertEquals(List.of("dual"), start.form().get("RecordingChannels"));
    assertEquals(
        List.of(base + "/api/voice/recording/status"), start.form().get("RecordingStatusCallback"));
    assertEquals(
        List.of(start.recordingSid(), "in-progress", "key"),
        row(
            "select recording_sid, status, consent_method from recordings where call_sid = ?",
            yes.callSid()));
    assertEquals(
        List.of("given", "key"),
        row(
            "select recording_consent, recording_consent_method from calls where call_sid = ?",
            yes.callSid()));

    // when the call ends Twilio posts the recording's status, signed
    Map<String, String> completed = new LinkedHashMap<>();
    completed.put("AccountSid", TwilioRecordingsStandIn.ACCOUNT_SID);
    completed.put("CallSid", yes.callSid());
    completed.put("RecordingSid", start.recordingSid());
    completed.put("RecordingStatus", "completed");
    completed.put("RecordingDuration", "21");
    completed.put("RecordingChannels", "2");
    completed.put("RecordingSource", "StartCallRecordingAPI");
    assertEquals(200, postSigned("/api/voice/recording/status", completed));
    assertEquals(
        List.of("completed", "21"),
        row("select status, duration_s from recordings where call_sid = ?", yes.callSid()));

    List<String> noLines = new ArrayList<>();
    SimulatedCall no = CallServices.call("press 1; say no thanks; hangup", noLines);
    SimulatedCall.Result declined = no.run(base + "/api/voice");
    assertEquals(0, declined.refusedStatus(), String.join("\n", noLines));
    assertTrue(
        declined.heard().stream().anyMatch(h -> h.contains("will not be recorded")),
        String.join("\n", noLines));
    // the answer to "no" came back after any request it would have made: none was
    assertEquals(List.of(), startsFor(no.callSid()));
    assertEquals(
        List.of(), row("select recording_sid from recordings where call_sid = ?", no.callSid()));
    assertEquals(
        List.of("declined", "speech"),
        row(
            "select recording_consent, recording_consent_method from calls where call_sid = ?",
            no.callSid()));
  }

  @Test
  void anExpiredRecordingIsDeletedAtTwilioAndInTheDatabase() throws Exception {
    List<String> lines = new ArrayList<>();
    SimulatedCall yes = CallServices.call("press 1; say yes; hangup", lines);
    yes.run(base + "/api/voice");
    List<TwilioRecordingsStandIn.Start> starts = startsFor(yes.callSid());
    assertEquals(1, starts.size(), String.join("\n", lines));
    String sid = starts.get(0).recordingSid();

    // ninety-one days later, the day's retention run
    execute(
        "update recordings set created_at = ? where recording_sid = ?",
        Instant.now().minus(Duration.ofDays(91)).toEpochMilli(),
        sid);
    long now = System.currentTimeMillis();
    execute(
        "insert into jobs (id, kind, payload, dedupe_key, run_at, created_at, updated_at)"
            + " values (?, 'recording.retention', '{}', ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        "recording.retention:e2e-" + UUID.randomUUID(),
        now,
        now,
        now);

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> twilio.deletes().contains(sid));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                row("select recording_sid from recordings where recording_sid = ?", sid).isEmpty());
  }

  private static List<TwilioRecordingsStandIn.Start> startsFor(String callSid) {
    return twilio.starts().stream().filter(s -> s.callSid().equals(callSid)).toList();
  }

  private static int postSigned(String path, Map<String, String> params) throws Exception {
    String signature = new WebhookSigner(AUTH_TOKEN).sign(base + path, params);
    String form =
        params.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  private static void execute(String sql, Object... args) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + services.db());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      statement.executeUpdate();
    }
  }

  private static List<String> row(String sql, String value) throws Exception {
    return StoredRows.first(services.db(), sql, value);
  }
}
