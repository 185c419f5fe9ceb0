package com.masseurmatch.waitlist.ivr.recording;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.masseurmatch.waitlist.ivr.testing.TwilioRecordingsWireMock;
import com.masseurmatch.waitlist.ivr.testing.TwilioRecordingsWireMock.InjectTwilioRecordings;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.analysis.CallInsight;
import com.masseurmatch.waitlist.model.recording.Recording;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code RECORDING_MODE=ask}, option 1 asks first; a yes starts a two-channel recording at
 * Twilio's stand-in and keeps the consent as its proof, a no or silence records nothing.
 */
@QuarkusTest
@WithTestResource(TwilioRecordingsWireMock.class)
class ConsentTest {

  static final String ANSWER = "/api/voice/recording/consent/answer";

  @InjectTwilioRecordings WireMockServer twilio;
  @Inject RecordingStore recordings;
  @Inject AnalysisStore analysis;

  @BeforeEach
  void reset() {
    TwilioRecordingsWireMock.reset(twilio);
  }

  private static Map<String, String> with(String callSid, String name, String value) {
    Map<String, String> params = Webhooks.call(callSid);
    params.put(name, value);
    return params;
  }

  @Test
  void optionOneAsksAboutRecordingFirst() {
    var menu =
        Webhooks.twiml("/api/voice/menu?attempt=1", with(Webhooks.newCallSid(), "Digits", "1"));
    assertEquals(
        Webhooks.PUBLIC_BASE + ConsentFlow.CONSENT_PATH + "?lang=en",
        menu.text("/Response/Redirect"));

    var question = Webhooks.twiml(ConsentFlow.CONSENT_PATH, Webhooks.call(Webhooks.newCallSid()));
    assertEquals("1", question.text("/Response/Gather/@numDigits"));
    assertEquals("dtmf speech", question.text("/Response/Gather/@input"));
    assertEquals(
        Webhooks.PUBLIC_BASE + ANSWER + "?lang=en", question.text("/Response/Gather/@action"));
    assertTrue(
        question.text("/Response/Gather/Say").contains("To allow recording, press 1 or say yes"),
        question.xml());
  }

  @Test
  void aYesStartsATwoChannelRecordingWithASignedCallbackAndKeepsTheProof() {
    String callSid = Webhooks.newCallSid();
    var answer = Webhooks.twiml(ANSWER, with(callSid, "Digits", "1"));

    assertEquals("Say,Redirect", answer.verbs());
    assertEquals(
        Webhooks.PUBLIC_BASE + "/api/voice/realtime?lang=en", answer.text("/Response/Redirect"));
    List<LoggedRequest> starts = TwilioRecordingsWireMock.starts(twilio, callSid);
    assertEquals(1, starts.size());
    LoggedRequest start = starts.get(0);
    assertEquals("dual", start.formParameter("RecordingChannels").firstValue());
    assertEquals(
        TwilioRecordingsWireMock.STATUS_CALLBACK,
        start.formParameter("RecordingStatusCallback").firstValue());
    assertTrue(
        start.formParameter("RecordingStatusCallbackEvent").values().contains("completed")
            || start.getBodyAsString().contains("completed"),
        start.getBodyAsString());

    CallInsight call = analysis.call(callSid).orElseThrow();
    assertEquals(
        List.of("given", "key"), List.of(call.recordingConsent(), call.recordingConsentMethod()));
    List<Recording> listed = recordings.forCalls(List.of(callSid));
    assertEquals(1, listed.size());
    Recording recording = listed.get(0);
    assertEquals(
        List.of("call", "in-progress", "key", 2),
        List.of(
            recording.kind(), recording.status(), recording.consentMethod(), recording.channels()));
    assertTrue(recording.recordingSid().matches("RE[0-9A-Za-z]{32}"), recording.recordingSid());

    Map<String, String> status = Webhooks.call(callSid);
    status.put("RecordingSid", recording.recordingSid());
    status.put("RecordingStatus", "completed");
    status.put("RecordingDuration", "37");
    status.put("RecordingChannels", "2");
    status.put("RecordingSource", "StartCallRecordingAPI");
    Webhooks.post(TwilioRecordings.STATUS_PATH, status).then().statusCode(200);
    Recording completed = recordings.find(recording.recordingSid()).orElseThrow();
    assertEquals(List.of("completed", 37), List.of(completed.status(), completed.durationS()));
  }

  @Test
  void aSpokenNoRecordsNothing() {
    String callSid = Webhooks.newCallSid();
    var answer = Webhooks.twiml(ANSWER, with(callSid, "SpeechResult", "No, thank you."));

    assertTrue(answer.text("/Response/Say").contains("will not be recorded"), answer.xml());
    assertEquals(
        Webhooks.PUBLIC_BASE + "/api/voice/realtime?lang=en", answer.text("/Response/Redirect"));
    // the answer comes after any request to Twilio: none was made
    assertEquals(List.of(), TwilioRecordingsWireMock.starts(twilio, callSid));
    assertEquals(List.of(), recordings.forCalls(List.of(callSid)));
    CallInsight call = analysis.call(callSid).orElseThrow();
    assertEquals(
        List.of("declined", "speech"),
        List.of(call.recordingConsent(), call.recordingConsentMethod()));
  }

  @Test
  void noAnswerMeansNoRecording() {
    String callSid = Webhooks.newCallSid();
    var answer = Webhooks.twiml(ANSWER, Webhooks.call(callSid));

    assertEquals(
        Webhooks.PUBLIC_BASE + "/api/voice/realtime?lang=en", answer.text("/Response/Redirect"));
    assertEquals(List.of(), TwilioRecordingsWireMock.starts(twilio, callSid));
    assertEquals("no_answer", analysis.call(callSid).orElseThrow().recordingConsent());
  }

  @Test
  void whenTwilioCannotStartTheCallerGoesOnUnrecorded() {
    TwilioRecordingsWireMock.unavailable(twilio);
    String callSid = Webhooks.newCallSid();
    var answer = Webhooks.twiml(ANSWER, with(callSid, "SpeechResult", "yes"));

    assertEquals(
        Webhooks.PUBLIC_BASE + "/api/voice/realtime?lang=en", answer.text("/Response/Redirect"));
    assertEquals(1, TwilioRecordingsWireMock.starts(twilio, callSid).size());
    Recording failed = recordings.forCalls(List.of(callSid)).get(0);
    assertEquals(List.of("failed", "speech"), List.of(failed.status(), failed.consentMethod()));
    assertTrue(failed.error().contains("503"), failed.error());
  }

  @Test
  void anUnsignedStatusCallbackIsRefused() {
    given()
        .contentType(ContentType.URLENC)
        .formParams(with(Webhooks.newCallSid(), "RecordingStatus", "completed"))
        .post(TwilioRecordings.STATUS_PATH)
        .then()
        .statusCode(403);
    given()
        .contentType(ContentType.URLENC)
        .formParams(with(Webhooks.newCallSid(), "Digits", "1"))
        .post(ANSWER)
        .then()
        .statusCode(403);
  }
}
