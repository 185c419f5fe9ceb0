package com.masseurmatch.waitlist.ivr.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock.InjectBridge;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.testing.Webhooks.Twiml;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.token.StreamTokens;
import com.masseurmatch.waitlist.model.token.TokenCheck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class RealtimeRouteTest {

  @InjectBridge WireMockServer bridge;
  @Inject com.masseurmatch.waitlist.ivr.voice.Twiml documents;
  @Inject StreamTokens tokens;
  @Inject CallRecordStore calls;

  @BeforeEach
  void reset() {
    bridge.resetAll();
  }

  private void bridgeAnswers(int status, int delayMs) {
    bridge.stubFor(
        get(urlPathEqualTo("/api/health/ready"))
            .willReturn(aResponse().withStatus(status).withFixedDelay(delayMs).withBody("{}")));
  }

  @Test
  void theReusedStreamDocumentIsWhatTwilioJavaWouldBuild() {
    String token = tokens.issue("CA" + "1".repeat(32));
    for (String caller : new String[] {"+14155550100", "\"Ann\" <ann&co> 'x'", null}) {
      assertEquals(
          documents.renderConnectStream(
              "wss://bridge.example.org", token, caller, Language.ES, null, null),
          documents.connectStream("wss://bridge.example.org", token, caller, Language.ES),
          "caller " + caller);
      // a call in an experiment: the same, with the experiment's id and variant
      String id = "8d5e4b0a-1111-4c3e-9a55-0123456789ab";
      assertEquals(
          documents.renderConnectStream(
              "wss://bridge.example.org", token, caller, Language.FR, id, "m&<\"x\">"),
          documents.connectStream(
              "wss://bridge.example.org", token, caller, Language.FR, id, "m&<\"x\">"),
          "caller " + caller + " in an experiment");
    }
  }

  @Test
  void aReadyBridgeGetsTheCallWithASignedToken() {
    bridgeAnswers(200, 0);
    String callSid = Webhooks.newCallSid();
    Twiml twiml = Webhooks.twiml("/api/voice/realtime", Webhooks.call(callSid));

    assertEquals("Connect", twiml.verbs());
    assertEquals(
        "https://ivr.example.org/api/voice/realtime/ended?lang=en",
        twiml.text("/Response/Connect/@action"));
    assertEquals(
        "wss://bridge.example.org/media-stream", twiml.text("/Response/Connect/Stream/@url"));
    String token = twiml.text("/Response/Connect/Stream/Parameter[@name='token']/@value");
    assertEquals(TokenCheck.VALID, tokens.verify(token, callSid));
    assertEquals("en", twiml.text("/Response/Connect/Stream/Parameter[@name='language']/@value"));

    Twiml spanish = Webhooks.twiml("/api/voice/realtime?lang=es", Webhooks.call(callSid));
    assertEquals("es", spanish.text("/Response/Connect/Stream/Parameter[@name='language']/@value"));
    assertEquals(
        "https://ivr.example.org/api/voice/realtime/ended?lang=es",
        spanish.text("/Response/Connect/@action"));
    assertEquals(
        Webhooks.CALLER, twiml.text("/Response/Connect/Stream/Parameter[@name='caller']/@value"));
    assertEquals(3, twiml.count("/Response/Connect/Stream/Parameter"));
  }

  @Test
  void aBridgeThatIsNotReadySendsTheCallToTheFallback() {
    bridgeAnswers(503, 0);
    Twiml twiml = Webhooks.twiml("/api/voice/realtime", Webhooks.call(Webhooks.newCallSid()));
    assertEquals("Redirect", twiml.verbs());
    assertEquals(
        "https://ivr.example.org/api/voice/ai-assistant?lang=en", twiml.text("/Response/Redirect"));
  }

  @Test
  void aProbeThatTimesOutSendsTheCallToTheFallback() {
    bridgeAnswers(200, 3000);
    Twiml twiml = Webhooks.twiml("/api/voice/realtime", Webhooks.call(Webhooks.newCallSid()));
    assertEquals(
        "https://ivr.example.org/api/voice/ai-assistant?lang=en", twiml.text("/Response/Redirect"));
  }

  @Test
  void aStreamThatEndedAfterASignupSaysGoodbye() {
    String callSid = Webhooks.newCallSid();
    calls.upsert(
        CallRecord.of(callSid).withPath(CallPath.REALTIME).withOutcome(CallOutcome.SIGNED_UP));
    Twiml twiml = Webhooks.twiml("/api/voice/realtime/ended", Webhooks.call(callSid));
    assertEquals("Say,Hangup", twiml.verbs());
  }

  @Test
  void aStreamThatEndedEarlyContinuesInTheFallbackNeverInSilence() {
    Twiml twiml = Webhooks.twiml("/api/voice/realtime/ended", Webhooks.call(Webhooks.newCallSid()));
    assertEquals("Redirect", twiml.verbs());
    assertEquals(
        "https://ivr.example.org/api/voice/ai-assistant?lang=en", twiml.text("/Response/Redirect"));
  }
}
