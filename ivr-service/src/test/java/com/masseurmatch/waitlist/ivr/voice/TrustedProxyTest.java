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

/**
 * Behind trusted proxies: signatures are still checked against PUBLIC_BASE_URL alone, the signup
 * limit counts the address the proxies saw, and answers over HTTPS carry HSTS.
 */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
@TestProfile(TrustedProxyTest.Trusted.class)
class TrustedProxyTest {

  public static class Trusted implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "waitlist-api.trust-proxy-headers", "true",
          "waitlist-api.trusted-proxy-hops", "2",
          "waitlist-api.rate-limit-requests", "2",
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.enable-forwarded-host", "true");
    }
  }

  @Test
  void aSignatureOverAForwardedHostIsRefused() {
    Map<String, String> params = Webhooks.call(Webhooks.newCallSid());
    String forged =
        new WebhookSigner(Webhooks.AUTH_TOKEN).sign("https://evil.example.net/api/voice", params);
    given()
        .contentType(ContentType.URLENC)
        .header("X-Twilio-Signature", forged)
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "evil.example.net")
        .formParams(params)
        .post("/api/voice")
        .then()
        .statusCode(403);
    String genuine =
        new WebhookSigner(Webhooks.AUTH_TOKEN).sign(Webhooks.PUBLIC_BASE + "/api/voice", params);
    given()
        .contentType(ContentType.URLENC)
        .header("X-Twilio-Signature", genuine)
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "evil.example.net")
        .formParams(params)
        .post("/api/voice")
        .then()
        .statusCode(200)
        .header("Strict-Transport-Security", "max-age=31536000");
  }

  private static int signUp(String forwardedFor) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-Forwarded-For", forwardedFor)
        .body(
            "{\"full_name\": \"Ann Lee\", \"phone\": \"+14155550100\", \"email\":"
                + " \"ann.proxy@example.com\", \"role\": \"client\"}")
        .post("/api/waitlist")
        .statusCode();
  }

  @Test
  void theLimitCountsTheAddressTheTrustedProxiesSaw() {
    // the client writes the left-most entries; the two proxies append 198.51.100.7 and 10.0.0.1
    org.junit.jupiter.api.Assertions.assertEquals(202, signUp("1.1.1.1, 198.51.100.7, 10.0.0.1"));
    org.junit.jupiter.api.Assertions.assertEquals(202, signUp("2.2.2.2, 198.51.100.7, 10.0.0.1"));
    org.junit.jupiter.api.Assertions.assertEquals(429, signUp("3.3.3.3, 198.51.100.7, 10.0.0.1"));
    // another client behind the same proxies has its own count
    org.junit.jupiter.api.Assertions.assertEquals(202, signUp("198.51.100.8, 10.0.0.1"));
  }
}
