package com.masseurmatch.waitlist.ivr.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock.InjectBridge;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.testing.Webhooks.Twiml;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever a signed webhook carries, the TwiML answer is well-formed XML. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class WellFormedTwimlTest {

  @InjectBridge WireMockServer bridge;
  @Inject VoicemailStore voicemails;

  @Test
  void aCallerIdWithControlAndNonCharactersStillGivesAWellFormedHandOff() {
    bridge.stubFor(
        get(urlPathEqualTo("/api/health/ready"))
            .willReturn(aResponse().withStatus(200).withBody("{}")));
    Map<String, String> params = Webhooks.call(Webhooks.newCallSid());
    params.put("From", "+1415\u0000555\u00010100\uFFFF\uFFFE\u001b\"<&>");
    // Webhooks.twiml parses the answer and fails on anything that is not XML
    Twiml twiml = Webhooks.twiml("/api/voice/realtime", params);
    assertEquals(
        "+14155550100\"<&>",
        twiml.text("/Response/Connect/Stream/Parameter[@name='caller']/@value"));
  }

  @Test
  void aTranscriptionIsStoredWithoutControlCharacters() {
    String callSid = Webhooks.newCallSid();
    String recordingSid = "RE" + callSid.substring(2);
    Map<String, String> transcription = Webhooks.call(callSid);
    transcription.put("RecordingSid", recordingSid);
    transcription.put(
        "RecordingUrl", "https://api.twilio.com/2010-04-01/Recordings/" + recordingSid);
    transcription.put("TranscriptionStatus", "completed");
    transcription.put("TranscriptionText", "Hi,\u0000 add\u001b me\r\nplease\uFFFF");
    Webhooks.twiml("/api/voice/voicemail/transcription", transcription);
    assertEquals(
        "Hi, add me  please",
        voicemails.recent(100).stream()
            .filter(v -> recordingSid.equals(v.recordingSid()))
            .findFirst()
            .orElseThrow()
            .transcription());
  }

  @Test
  void aBadMenuAttemptIsA400ProblemBeforeTheSignatureIsChecked() {
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParams(Webhooks.call(Webhooks.newCallSid()))
        .post("/api/voice/menu?attempt=abc")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400));
    Webhooks.post("/api/voice/menu?attempt=2", Webhooks.call(Webhooks.newCallSid()))
        .then()
        .statusCode(200);
  }
}
