package com.masseurmatch.waitlist.ivr.fallback;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.testing.Webhooks.Twiml;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A transcribed name with characters XML cannot carry, or a "|", is read back whole. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class UnsafeSpeechTest {

  @Test
  void aNameWithControlCharactersAndAPipeIsReadBackWhole() {
    FallbackCaller caller = new FallbackCaller(Webhooks.newCallSid());
    caller.post("/api/voice/scripted");
    caller.answer("Digits", "1");
    caller.answer("Digits", "2");
    Twiml check = caller.answer("SpeechResult", "Ann\u0000 Lee | Smith\uFFFF\u202E");
    assertTrue(
        check.text("//Gather/Say").startsWith("I heard Ann Lee Smith. Press 1"), check.xml());
  }
}
