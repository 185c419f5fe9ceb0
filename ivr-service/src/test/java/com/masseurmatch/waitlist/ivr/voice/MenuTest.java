package com.masseurmatch.waitlist.ivr.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.testing.Webhooks.Twiml;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class MenuTest {

  @Inject CallRecordStore calls;

  @Test
  void theGreetingOffersTheMenuInOneGather() {
    String callSid = Webhooks.newCallSid();
    Twiml twiml = Webhooks.twiml("/api/voice", Webhooks.call(callSid));

    assertEquals("Gather", twiml.verbs());
    assertEquals("dtmf speech", twiml.text("/Response/Gather/@input"));
    assertEquals("1", twiml.text("/Response/Gather/@numDigits"));
    assertEquals("true", twiml.text("/Response/Gather/@actionOnEmptyResult"));
    assertEquals("POST", twiml.text("/Response/Gather/@method"));
    assertEquals(
        "https://ivr.example.org/api/voice/menu?attempt=1&lang=en",
        twiml.text("/Response/Gather/@action"));
    assertEquals("en-US", twiml.text("/Response/Gather/@language"));
    String said = twiml.text("/Response/Gather/Say");
    assertTrue(said.startsWith("Thanks for calling MasseurMatch."), said);
    assertTrue(said.contains("Knotty") && said.contains("press 2"), said);
    assertEquals("Polly.Joanna", twiml.text("/Response/Gather/Say/@voice"));
    // the other languages, each in its own words and voice
    assertEquals("Para español, oprima 9 o diga español.", twiml.text("/Response/Gather/Say[2]"));
    assertEquals("es-US", twiml.text("/Response/Gather/Say[2]/@language"));
    assertEquals("Polly.Lupe", twiml.text("/Response/Gather/Say[2]/@voice"));
    assertEquals(
        "Pour le français, appuyez sur le 8 ou dites français.",
        twiml.text("/Response/Gather/Say[3]"));
    assertEquals("fr-CA", twiml.text("/Response/Gather/Say[3]/@language"));
    assertEquals("Polly.Chantal", twiml.text("/Response/Gather/Say[3]/@voice"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> calls.find(callSid).map(CallRecord::language).isPresent());
    assertEquals(Webhooks.CALLER, calls.find(callSid).orElseThrow().fromNumber());
    assertEquals("en", calls.find(callSid).orElseThrow().language());
  }

  @Test
  void key9SwitchesToSpanishForTheRestOfTheCall() {
    String callSid = Webhooks.newCallSid();
    Map<String, String> params = Webhooks.call(callSid);
    params.put("Digits", "9");
    Twiml twiml = Webhooks.twiml("/api/voice/menu?attempt=1&lang=en", params);

    assertEquals("Gather", twiml.verbs());
    assertEquals("es-US", twiml.text("/Response/Gather/@language"));
    assertEquals(
        "https://ivr.example.org/api/voice/menu?attempt=1&lang=es",
        twiml.text("/Response/Gather/@action"));
    String said = twiml.text("/Response/Gather/Say");
    assertTrue(said.startsWith("Gracias por llamar a MasseurMatch."), said);
    assertTrue(said.contains("Knotty") && said.contains("oprima 2"), said);
    assertEquals("Polly.Lupe", twiml.text("/Response/Gather/Say/@voice"));
    assertEquals("For English, press 7, or say English.", twiml.text("/Response/Gather/Say[2]"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> "es".equals(calls.find(callSid).map(CallRecord::language).orElse(null)));

    Map<String, String> choice = Webhooks.call(callSid);
    choice.put("SpeechResult", "quiero dejar un mensaje");
    Twiml next = Webhooks.twiml("/api/voice/menu?attempt=1&lang=es", choice);
    assertEquals(
        "https://ivr.example.org/api/voice/voicemail?lang=es", next.text("/Response/Redirect"));
  }

  @Test
  void sayingTheLanguagesNameSwitchesToIt() {
    Map<String, String> params = Webhooks.call(Webhooks.newCallSid());
    params.put("SpeechResult", "Français");
    Twiml twiml = Webhooks.twiml("/api/voice/menu?attempt=1&lang=en", params);

    assertEquals("fr-CA", twiml.text("/Response/Gather/@language"));
    assertTrue(twiml.text("/Response/Gather/Say").startsWith("Merci d'avoir appelé MasseurMatch."));
    assertEquals("Polly.Chantal", twiml.text("/Response/Gather/Say/@voice"));
  }

  @ParameterizedTest(name = "Digits={0} Speech={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 |                                  | /api/voice/realtime",
        "2 |                                  | /api/voice/transfer",
        "3 |                                  | /api/voice/voicemail",
        "  | I'd like to join the waitlist    | /api/voice/realtime",
        "  | Can I talk to a person?          | /api/voice/transfer",
        "  | I want to leave a message        | /api/voice/voicemail",
      })
  void eachChoiceRedirectsToItsPath(String digits, String speech, String path) {
    Map<String, String> params = Webhooks.call(Webhooks.newCallSid());
    if (digits != null) {
      params.put("Digits", digits);
    }
    if (speech != null) {
      params.put("SpeechResult", speech);
      params.put("Confidence", "0.91");
    }
    Twiml twiml = Webhooks.twiml("/api/voice/menu?attempt=1", params);
    assertEquals("Redirect", twiml.verbs());
    assertEquals("https://ivr.example.org" + path + "?lang=en", twiml.text("/Response/Redirect"));
  }

  @Test
  void aWrongKeyIsExplainedAndTheMenuRepeats() {
    Map<String, String> params = Webhooks.call(Webhooks.newCallSid());
    params.put("Digits", "5");
    Twiml twiml = Webhooks.twiml("/api/voice/menu?attempt=1", params);
    assertEquals("Gather", twiml.verbs());
    assertTrue(
        twiml.text("/Response/Gather/Say").startsWith("Sorry, that's not one of the options."));
    assertEquals(
        "https://ivr.example.org/api/voice/menu?attempt=2&lang=en",
        twiml.text("/Response/Gather/@action"));
  }

  @Test
  void silenceRepromptsThenEndsPolitelyAfterTheLastAttempt() {
    String callSid = Webhooks.newCallSid();
    Twiml again = Webhooks.twiml("/api/voice/menu?attempt=2", Webhooks.call(callSid));
    assertTrue(again.text("/Response/Gather/Say").startsWith("Sorry, I didn't catch that."));

    Twiml last = Webhooks.twiml("/api/voice/menu?attempt=3", Webhooks.call(callSid));
    assertEquals("Say,Hangup", last.verbs());
    assertTrue(last.text("/Response/Say").contains("Goodbye"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                calls.find(callSid).map(CallRecord::outcome).orElse(null) == CallOutcome.ABANDONED);
  }
}
