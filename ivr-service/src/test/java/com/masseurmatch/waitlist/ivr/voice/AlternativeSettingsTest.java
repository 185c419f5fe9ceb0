package com.masseurmatch.waitlist.ivr.voice;

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

/** No team number, and an exhausted menu that takes a message instead of hanging up. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
@TestProfile(AlternativeSettingsTest.NoTeam.class)
class AlternativeSettingsTest {

  public static class NoTeam implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("ivr.transfer.team-number", "", "ivr.menu.when-exhausted", "voicemail");
    }
  }

  @Test
  void withoutATeamNumberOptionTwoExplainsAndTakesAMessage() {
    Twiml twiml = Webhooks.twiml("/api/voice/transfer", Webhooks.call(Webhooks.newCallSid()));
    assertEquals("Say,Redirect", twiml.verbs());
    assertTrue(twiml.text("/Response/Say").startsWith("Our team can't take calls at the moment."));
    assertEquals(
        "https://ivr.example.org/api/voice/voicemail?lang=en", twiml.text("/Response/Redirect"));
  }

  @Test
  void anExhaustedMenuCanEndInVoicemail() {
    Twiml twiml = Webhooks.twiml("/api/voice/menu?attempt=3", Webhooks.call(Webhooks.newCallSid()));
    assertEquals("Say,Redirect", twiml.verbs());
    assertEquals(
        "https://ivr.example.org/api/voice/voicemail?lang=en", twiml.text("/Response/Redirect"));
  }
}
