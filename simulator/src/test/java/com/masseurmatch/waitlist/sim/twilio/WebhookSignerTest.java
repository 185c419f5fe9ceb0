package com.masseurmatch.waitlist.sim.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signature test vectors (computed independently; docs/protocols/twilio.md describes the scheme).
 */
class WebhookSignerTest {

  @Test
  void signsTwiliosOwnTestVector() {
    var params =
        Map.of(
            "CallSid", "CA1234567890ABCDE",
            "Caller", "+14158675309",
            "Digits", "1234",
            "From", "+14158675309",
            "To", "+18005551212");
    assertEquals(
        "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
        new WebhookSigner("12345").sign("https://mycompany.com/myapp.php?foo=1&bar=2", params));
  }

  @Test
  void signsEmptyValuesAndSpacesDecoded() {
    var params =
        Map.of(
            "CallSid", "CA00000000000000000000000000000002",
            "Confidence", "0.87",
            "Digits", "",
            "From", "+15005550006",
            "SpeechResult", "I want to speak to a human, please.");
    assertEquals(
        "nxBEqghQfLtdqwo7hqlN14T4pms=",
        new WebhookSigner("0123456789abcdef0123456789abcdef")
            .sign("https://ivr.example.org/twilio/gather", params));
  }
}
