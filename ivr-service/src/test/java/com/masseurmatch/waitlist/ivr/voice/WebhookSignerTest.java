package com.masseurmatch.waitlist.ivr.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.testkit.twilio.WebhookSigner;
import com.twilio.security.RequestValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twilio's signature vectors, against the test kit's signer and twilio-java's validator. */
class WebhookSignerTest {

  @Test
  void officialVector() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", "CA1234567890ABCDE");
    params.put("Caller", "+14158675309");
    params.put("Digits", "1234");
    params.put("From", "+14158675309");
    params.put("To", "+18005551212");
    String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=", new WebhookSigner("12345").sign(url, params));
    RequestValidator validator = new RequestValidator("12345");
    assertTrue(validator.validate(url, params, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    // Twilio's port handling: the :443 form validates the same request
    assertTrue(validator.validate(url, params, "kvajT1Ptam85bY51eRf/AJRuM3w="));
  }

  @Test
  void voiceWebhookVector() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", "AC00000000000000000000000000000001");
    params.put("CallSid", "CA00000000000000000000000000000002");
    params.put("CallStatus", "ringing");
    params.put("Direction", "inbound");
    params.put("From", "+15005550006");
    params.put("To", "+15005550001");
    String token = "0123456789abcdef0123456789abcdef";
    String url = "https://ivr.example.org/twilio/voice?tenant=acme";
    assertEquals("3vTZ2DyUY/HfRMwIT4ZnlAypesM=", new WebhookSigner(token).sign(url, params));
    RequestValidator validator = new RequestValidator(token);
    assertTrue(validator.validate(url, params, "3vTZ2DyUY/HfRMwIT4ZnlAypesM="));
    params.put("From", "+15005550007");
    assertFalse(validator.validate(url, params, "3vTZ2DyUY/HfRMwIT4ZnlAypesM="), "tampered");
  }

  @Test
  void gatherVectorWithEmptyAndSpacedValues() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", "CA00000000000000000000000000000002");
    params.put("Confidence", "0.87");
    params.put("Digits", "");
    params.put("From", "+15005550006");
    params.put("SpeechResult", "I want to speak to a human, please.");
    assertEquals(
        "nxBEqghQfLtdqwo7hqlN14T4pms=",
        new WebhookSigner("0123456789abcdef0123456789abcdef")
            .sign("https://ivr.example.org/twilio/gather", params));
  }
}
