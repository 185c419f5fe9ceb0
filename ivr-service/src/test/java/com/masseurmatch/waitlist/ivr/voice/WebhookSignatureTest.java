package com.masseurmatch.waitlist.ivr.voice;

import static io.restassured.RestAssured.given;

import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.testkit.twilio.WebhookSigner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No voice webhook runs without a valid signature for the public URL. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class WebhookSignatureTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/voice",
        "/api/voice/menu?attempt=1",
        "/api/voice/realtime",
        "/api/voice/realtime/ended",
        "/api/voice/ai-assistant",
        "/api/voice/ai-assistant/turn",
        "/api/voice/scripted",
        "/api/voice/scripted/input",
        "/api/voice/transfer",
        "/api/voice/transfer/status",
        "/api/voice/voicemail",
        "/api/voice/voicemail/recorded",
        "/api/voice/voicemail/recording-status",
        "/api/voice/voicemail/transcription",
      })
  void everyRouteRejectsMissingForgedAndTamperedSignatures(String route) {
    Map<String, String> params = Webhooks.call(Webhooks.newCallSid());
    given().contentType(ContentType.URLENC).formParams(params).post(route).then().statusCode(403);
    given()
        .contentType(ContentType.URLENC)
        .header("X-Twilio-Signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")
        .formParams(params)
        .post(route)
        .then()
        .statusCode(403);
    String signature =
        new WebhookSigner(Webhooks.AUTH_TOKEN).sign(Webhooks.PUBLIC_BASE + route, params);
    Map<String, String> tampered = new java.util.LinkedHashMap<>(params);
    tampered.put("From", "+19995550000");
    given()
        .contentType(ContentType.URLENC)
        .header("X-Twilio-Signature", signature)
        .formParams(tampered)
        .post(route)
        .then()
        .statusCode(403);
    // signed for another host (as behind an untrusted proxy): refused too
    String otherHost =
        new WebhookSigner(Webhooks.AUTH_TOKEN).sign("https://evil.example.com" + route, params);
    given()
        .contentType(ContentType.URLENC)
        .header("X-Twilio-Signature", otherHost)
        .header("X-Forwarded-Host", "evil.example.com")
        .formParams(params)
        .post(route)
        .then()
        .statusCode(403);
    Webhooks.post(route, params).then().statusCode(200);
  }
}
