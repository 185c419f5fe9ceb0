package com.masseurmatch.waitlist.ivr.fallback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock.InjectBridge;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.testing.Webhooks.Twiml;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No OpenAI key in the IVR: option 1 goes to Knotty when the bridge is ready, and otherwise still
 * signs the caller up through the scripted form.
 */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
@TestProfile(WithoutOpenAiTest.NoKey.class)
class WithoutOpenAiTest {

  public static class NoKey implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // a cold first probe may take longer than the default allows
      return Map.of("openai.api-key", "", "ivr.realtime.probe-timeout", "5s");
    }
  }

  @InjectBridge WireMockServer bridge;

  @BeforeEach
  void reset() {
    bridge.resetAll();
  }

  @Test
  void aReadyBridgeGetsTheCallWithoutTheIvrsOwnKey() {
    // the bridge talks to the Realtime API and reports a missing key in its own readiness
    bridge.stubFor(
        get(urlPathEqualTo("/q/health/ready"))
            .willReturn(aResponse().withStatus(200).withBody("{}")));
    Twiml realtime = Webhooks.twiml("/api/voice/realtime", Webhooks.call(Webhooks.newCallSid()));
    assertEquals("Connect", realtime.verbs());
    assertEquals(
        "wss://bridge.example.org/media-stream", realtime.text("/Response/Connect/Stream/@url"));
  }

  @Test
  void optionOneGoesStraightToTheScriptedFormWhenTheBridgeIsNotReady() {
    bridge.stubFor(
        get(urlPathEqualTo("/q/health/ready"))
            .willReturn(aResponse().withStatus(503).withBody("{}")));
    String callSid = Webhooks.newCallSid();
    Twiml realtime = Webhooks.twiml("/api/voice/realtime", Webhooks.call(callSid));
    assertEquals(
        "https://ivr.example.org/api/voice/ai-assistant?lang=en",
        realtime.text("/Response/Redirect"));

    Twiml form = Webhooks.twiml("/api/voice/ai-assistant", Webhooks.call(callSid));
    String said = form.text("//Gather/Say");
    assertTrue(said.startsWith("I'm sorry, our virtual concierge isn't available"), said);
    assertTrue(said.contains("calling from, ending in 0, 1, 0, 0"), said);
    assertTrue(
        form.text("//Gather/@action")
            .startsWith("https://ivr.example.org/api/voice/scripted/input?state="));
  }
}
