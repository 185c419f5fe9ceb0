package com.masseurmatch.waitlist.ivr.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.testing.Webhooks.Twiml;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No OpenAI key at all: option 1 still signs the caller up, through the scripted form. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
@TestProfile(WithoutOpenAiTest.NoKey.class)
class WithoutOpenAiTest {

  public static class NoKey implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("openai.api-key", "");
    }
  }

  @Test
  void optionOneGoesStraightToTheScriptedForm() {
    String callSid = Webhooks.newCallSid();
    Twiml realtime = Webhooks.twiml("/api/voice/realtime", Webhooks.call(callSid));
    assertEquals(
        "https://ivr.example.org/api/voice/ai-assistant", realtime.text("/Response/Redirect"));

    Twiml form = Webhooks.twiml("/api/voice/ai-assistant", Webhooks.call(callSid));
    String said = form.text("//Gather/Say");
    assertTrue(said.startsWith("I'm sorry, our virtual concierge isn't available"), said);
    assertTrue(said.contains("calling from, ending in 0, 1, 0, 0"), said);
    assertEquals("https://ivr.example.org/api/voice/scripted/input", form.text("//Gather/@action"));
  }
}
