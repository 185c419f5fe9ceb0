package com.masseurmatch.waitlist.ivr.fallback;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.testing.Webhooks.Twiml;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The form that needs no AI, walked with signed Twilio requests. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class ScriptedFormTest {

  static final String INPUT = ScriptedForm.INPUT;

  @Inject WaitlistStore waitlist;
  @Inject CallRecordStore calls;

  private final String callSid = Webhooks.newCallSid();
  private final FallbackCaller caller = new FallbackCaller(callSid);

  private Twiml answer(String key, String value) {
    return caller.answer(key, value);
  }

  private Optional<StoredEntry> entry(String email) {
    return waitlist
        .list(new WaitlistQuery(Optional.empty(), Optional.of(email), 0, 5))
        .items()
        .stream()
        .filter(e -> e.email().equals(email))
        .findFirst();
  }

  @Test
  void aCallerSignsUpWithKeysAndSpeech() {
    String email = "ann" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    Twiml phone = caller.post("/api/voice/scripted");
    assertTrue(phone.text("//Gather/Say").contains("ending in 0, 1, 0, 0, press 1"), phone.xml());
    // a prompt that asks for one key is answered by that key alone
    assertEquals("1", phone.text("//Gather/@numDigits"));
    assertEquals("", phone.text("//Gather/@finishOnKey"));
    assertTrue(
        phone.text("//Gather/@action").startsWith("https://ivr.example.org" + INPUT + "?state="));

    Twiml role = answer("Digits", "1");
    assertTrue(role.text("//Gather/Say").contains("massage therapist, press 1"), role.xml());
    // the role by key or by speech
    assertEquals("speech dtmf", role.text("//Gather/@input"));
    assertEquals("1", role.text("//Gather/@numDigits"));

    Twiml name = answer("SpeechResult", "I'm looking to book a massage");
    assertEquals("speech dtmf", name.text("//Gather/@input"));
    assertTrue(name.text("//Gather/Say").contains("first and last name"));

    Twiml nameCheck = answer("SpeechResult", "ann lee");
    assertTrue(nameCheck.text("//Gather/Say").startsWith("I heard Ann Lee."), nameCheck.xml());

    Twiml emailAsk = answer("Digits", "1");
    assertTrue(emailAsk.text("//Gather/@hints").contains("gmail"));

    String spoken = email.replace("@", " at ").replace(".", " dot ");
    Twiml emailCheck = answer("SpeechResult", spoken);
    assertTrue(
        emailCheck.text("//Gather/Say").contains("a, n, n,")
            && emailCheck.text("//Gather/Say").contains("at, e, x, a, m, p, l, e, dot, c, o, m"),
        emailCheck.xml());

    Twiml done = answer("Digits", "1");
    assertEquals("Say,Hangup", done.verbs());
    StoredEntry saved = entry(email).orElseThrow();
    assertEquals("Ann Lee", saved.fullName());
    assertEquals("+14155550100", saved.phone());
    assertEquals(Role.CLIENT, saved.role());
    assertEquals(Source.FALLBACK, saved.source());
    assertEquals(callSid, saved.callSid());
    await()
        .untilAsserted(
            () -> {
              CallRecord record = calls.find(callSid).orElseThrow();
              assertEquals(CallOutcome.SIGNED_UP, record.outcome());
              assertEquals(CallPath.SCRIPTED, record.path());
              assertEquals(saved.id(), record.waitlistId());
            });
  }

  @Test
  void aTypedNumberIsAcceptedAndAWrongNameCanBeSaidAgain() {
    caller.post("/api/voice/scripted");
    Twiml typed = answer("Digits", "2");
    assertTrue(typed.text("//Gather/Say").contains("then press pound"), typed.xml());
    assertEquals("#", typed.text("//Gather/@finishOnKey"));
    assertEquals("", typed.text("//Gather/@numDigits"));
    Twiml bad = answer("Digits", "555");
    assertTrue(bad.text("//Gather/Say").startsWith("Sorry, that number didn't work."));
    answer("Digits", "4155550177");
    answer("Digits", "1");
    answer("SpeechResult", "and a lee");
    Twiml again = answer("Digits", "2");
    assertTrue(again.text("//Gather/Say").startsWith("Let's try that again."), again.xml());
    Twiml check = answer("SpeechResult", "Anna Lee");
    assertTrue(check.text("//Gather/Say").startsWith("I heard Anna Lee."));
    // the operator's copy of the call follows in the background
    await()
        .untilAsserted(
            () -> {
              CallRecord record = calls.find(callSid).orElseThrow();
              assertEquals("+14155550177", record.collected().get("phone"));
              assertEquals("therapist", record.collected().get("role"));
            });
  }

  @Test
  void aLikelyTypoIsOfferedAsAThirdChoice() {
    String local = "bo" + UUID.randomUUID().toString().substring(0, 6);
    calls.upsert(
        CallRecord.of(callSid)
            .withCollected(
                Map.of("phone", "+14155550100", "role", "client", "full_name", "Bo Lee")));
    Twiml ask = caller.post("/api/voice/scripted");
    assertTrue(ask.text("//Gather/Say").contains("e-mail"), "resumes at the first missing field");
    Twiml check = answer("SpeechResult", local + " at gmial dot com");
    assertTrue(check.text("//Gather/Say").contains("press 3"), check.xml());
    assertEquals("Say,Hangup", answer("Digits", "3").verbs());
    assertTrue(entry(local + "@gmail.com").isPresent());
  }

  @Test
  void aThirdMissedAnswerLeadsToVoicemailAndKeepsWhatWasGiven() {
    caller.post("/api/voice/scripted");
    answer("Digits", "1");
    Twiml second = answer("Digits", "9");
    assertTrue(
        second.text("//Gather/Say").startsWith("Sorry, please say therapist or client"),
        second.xml());
    answer("Digits", "9");
    Twiml out = answer(null, null);
    assertEquals("Say,Redirect", out.verbs());
    assertEquals(
        "https://ivr.example.org/api/voice/voicemail?lang=en", out.text("/Response/Redirect"));
    await()
        .untilAsserted(
            () -> {
              CallRecord record = calls.find(callSid).orElseThrow();
              assertEquals("+14155550100", record.collected().get("phone"));
              assertEquals(CallOutcome.ABANDONED, record.outcome());
            });
  }
}
