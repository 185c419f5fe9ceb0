package com.masseurmatch.waitlist.ivr.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.testing.Webhooks.Twiml;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class TransferAndVoicemailTest {

  @Inject VoicemailStore voicemails;
  @Inject CallRecordStore calls;

  @Test
  void theTeamIsDialledWithATimeoutAndOurCallerId() {
    Twiml twiml = Webhooks.twiml("/api/voice/transfer", Webhooks.call(Webhooks.newCallSid()));
    assertEquals("Say,Dial", twiml.verbs());
    assertEquals("+14155550199", twiml.text("/Response/Dial/Number"));
    assertEquals("20", twiml.text("/Response/Dial/@timeout"));
    assertEquals("+14155550123", twiml.text("/Response/Dial/@callerId"));
    assertEquals(
        "https://ivr.example.org/api/voice/transfer/status?lang=en",
        twiml.text("/Response/Dial/@action"));
  }

  @Test
  void aSpanishCallerIsToldTheTeamSpeaksEnglishBeforeTheDial() {
    Twiml twiml =
        Webhooks.twiml("/api/voice/transfer?lang=es", Webhooks.call(Webhooks.newCallSid()));
    assertEquals("Say,Dial", twiml.verbs());
    assertEquals(
        "Nuestro equipo habla inglés. Le comunico con el equipo de MasseurMatch. Un momento, por"
            + " favor.",
        twiml.text("/Response/Say"));
    assertEquals("es-US", twiml.text("/Response/Say/@language"));
    assertEquals("Polly.Lupe", twiml.text("/Response/Say/@voice"));
    assertEquals("+14155550199", twiml.text("/Response/Dial/Number"));
    assertEquals(
        "https://ivr.example.org/api/voice/transfer/status?lang=es",
        twiml.text("/Response/Dial/@action"));
  }

  @Test
  void aFrenchVoicemailIsAskedForInFrench() {
    Twiml twiml =
        Webhooks.twiml("/api/voice/voicemail?lang=fr", Webhooks.call(Webhooks.newCallSid()));
    assertTrue(twiml.text("/Response/Say").contains("après le bip"), twiml.xml());
    assertEquals("fr-CA", twiml.text("/Response/Say/@language"));
    assertEquals(
        "https://ivr.example.org/api/voice/voicemail/recorded?lang=fr",
        twiml.text("/Response/Record/@action"));
  }

  @Test
  void anAnsweredTransferEndsTheCall() {
    String callSid = Webhooks.newCallSid();
    Map<String, String> params = Webhooks.call(callSid);
    params.put("DialCallStatus", "completed");
    params.put("DialCallDuration", "42");
    assertEquals("Say,Hangup", Webhooks.twiml("/api/voice/transfer/status", params).verbs());
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                calls.find(callSid).map(CallRecord::outcome).orElse(null)
                    == CallOutcome.TRANSFERRED);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "busy, on other calls",
    "no-answer, couldn't get to the phone",
    "failed, couldn't reach our team",
    "canceled, couldn't reach our team",
  })
  void anUnansweredTransferGoesToVoicemailWithAReason(String status, String reason) {
    Map<String, String> params = Webhooks.call(Webhooks.newCallSid());
    params.put("DialCallStatus", status);
    Twiml twiml = Webhooks.twiml("/api/voice/transfer/status", params);
    assertEquals("Say,Redirect", twiml.verbs());
    assertTrue(twiml.text("/Response/Say").contains(reason), twiml.xml());
    assertEquals(
        "https://ivr.example.org/api/voice/voicemail?lang=en", twiml.text("/Response/Redirect"));
  }

  @Test
  void voicemailRecordsWithTranscriptionAndAbsoluteCallbacks() {
    Twiml twiml = Webhooks.twiml("/api/voice/voicemail", Webhooks.call(Webhooks.newCallSid()));
    assertEquals("Say,Record,Say,Hangup", twiml.verbs());
    assertEquals("120", twiml.text("/Response/Record/@maxLength"));
    assertEquals("true", twiml.text("/Response/Record/@transcribe"));
    assertEquals(
        "https://ivr.example.org/api/voice/voicemail/transcription",
        twiml.text("/Response/Record/@transcribeCallback"));
    assertEquals(
        "https://ivr.example.org/api/voice/voicemail/recording-status",
        twiml.text("/Response/Record/@recordingStatusCallback"));
    assertEquals(
        "https://ivr.example.org/api/voice/voicemail/recorded?lang=en",
        twiml.text("/Response/Record/@action"));
  }

  @Test
  void recordingCallbacksTwiceAndATranscriptionMakeOneRow() {
    String callSid = Webhooks.newCallSid();
    String recordingSid = "RE" + callSid.substring(2);
    Map<String, String> recorded = Webhooks.call(callSid);
    recorded.put("RecordingSid", recordingSid);
    recorded.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Recordings/" + recordingSid);
    recorded.put("RecordingDuration", "14");
    assertEquals("Say,Hangup", Webhooks.twiml("/api/voice/voicemail/recorded", recorded).verbs());

    Map<String, String> status = Webhooks.call(callSid);
    status.put("RecordingSid", recordingSid);
    status.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Recordings/" + recordingSid);
    status.put("RecordingStatus", "completed");
    status.put("RecordingDuration", "14");
    Webhooks.post("/api/voice/voicemail/recording-status", status).then().statusCode(200);
    Webhooks.post("/api/voice/voicemail/recording-status", status).then().statusCode(200);

    Map<String, String> transcription = Webhooks.call(callSid);
    transcription.put("RecordingSid", recordingSid);
    transcription.put("TranscriptionStatus", "completed");
    transcription.put("TranscriptionText", "Hi, this is Ann, please add me to the waitlist.");
    transcription.put("TranscriptionSid", "TR1");
    Webhooks.post("/api/voice/voicemail/transcription", transcription).then().statusCode(200);

    List<Voicemail> rows =
        voicemails.recent(100).stream().filter(v -> recordingSid.equals(v.recordingSid())).toList();
    assertEquals(1, rows.size());
    assertEquals(14, rows.get(0).durationSeconds());
    assertEquals(callSid, rows.get(0).callSid());
    assertEquals(Webhooks.CALLER, rows.get(0).fromNumber());
    assertEquals("Hi, this is Ann, please add me to the waitlist.", rows.get(0).transcription());
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                calls.find(callSid).map(CallRecord::outcome).orElse(null) == CallOutcome.VOICEMAIL);
  }
}
