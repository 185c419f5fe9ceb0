package com.masseurmatch.waitlist.ivr.voice;

import static io.restassured.RestAssured.given;

import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.testkit.twilio.WebhookSigner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behind a trusted proxy the signed URL is rebuilt from X-Forwarded-Proto and -Host. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
@TestProfile(TrustedProxyTest.Trusted.class)
class TrustedProxyTest {

  public static class Trusted implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "ivr.signature.trust-proxy-headers", "true",
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.enable-forwarded-host", "true");
    }
  }

  @Test
  void theForwardedUrlIsTheOneTwilioSigned() {
    Map<String, String> params = Webhooks.call(Webhooks.newCallSid());
    String signature =
        new WebhookSigner(Webhooks.AUTH_TOKEN).sign("https://tunnel.example.net/api/voice", params);
    given()
        .contentType(ContentType.URLENC)
        .header("X-Twilio-Signature", signature)
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "tunnel.example.net")
        .formParams(params)
        .post("/api/voice")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.URLENC)
        .header("X-Twilio-Signature", signature)
        .formParams(params)
        .post("/api/voice")
        .then()
        .statusCode(403);
  }
}
