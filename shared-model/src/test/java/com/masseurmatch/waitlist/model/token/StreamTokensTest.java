package com.masseurmatch.waitlist.model.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StreamTokensTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final String CALL = "CA33333333333333333333333333333333";

  private StreamTokens at(Instant instant) {
    return new StreamTokens(SECRET, Duration.ofMinutes(5), Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void tokenHasTheDocumentedFormat() throws Exception {
    String token = at(NOW).issue(CALL);
    long expiry = NOW.plusSeconds(300).getEpochSecond();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(mac.doFinal((CALL + "." + expiry).getBytes(StandardCharsets.UTF_8)));
    assertEquals(expiry + "." + signature, token);
  }

  @Test
  void validUntilExpiry() {
    String token = at(NOW).issue(CALL);
    assertEquals(TokenCheck.VALID, at(NOW).verify(token, CALL));
    assertEquals(TokenCheck.VALID, at(NOW.plusSeconds(300)).verify(token, CALL));
    assertEquals(TokenCheck.EXPIRED, at(NOW.plusSeconds(301)).verify(token, CALL));
  }

  @Test
  void boundToTheCallSid() {
    String token = at(NOW).issue(CALL);
    assertEquals(
        TokenCheck.BAD_SIGNATURE, at(NOW).verify(token, "CA44444444444444444444444444444444"));
  }

  @Test
  void anotherSecretDoesNotVerify() {
    String token =
        new StreamTokens(
                "another-secret-another-secret-xx",
                Duration.ofMinutes(5),
                Clock.fixed(NOW, ZoneOffset.UTC))
            .issue(CALL);
    assertEquals(TokenCheck.BAD_SIGNATURE, at(NOW).verify(token, CALL));
  }

  @Test
  void extendingTheExpiryBreaksTheSignature() {
    String token = at(NOW).issue(CALL);
    String signature = token.substring(token.indexOf('.') + 1);
    String forged = (NOW.plusSeconds(3600).getEpochSecond()) + "." + signature;
    assertEquals(TokenCheck.BAD_SIGNATURE, at(NOW).verify(forged, CALL));
  }

  @Test
  void garbageIsMalformedOrMissing() {
    StreamTokens tokens = at(NOW);
    assertEquals(TokenCheck.MISSING, tokens.verify(null, CALL));
    assertEquals(TokenCheck.MISSING, tokens.verify("", CALL));
    assertEquals(TokenCheck.MISSING, tokens.verify("1.abc", null));
    assertEquals(TokenCheck.MALFORMED, tokens.verify("no-dot", CALL));
    assertEquals(TokenCheck.MALFORMED, tokens.verify("abc.def", CALL));
    assertEquals(TokenCheck.MALFORMED, tokens.verify(".def", CALL));
    assertEquals(TokenCheck.MALFORMED, tokens.verify("123.", CALL));
    assertEquals(TokenCheck.MALFORMED, tokens.verify("1." + "a".repeat(200), CALL));
  }

  @Test
  void shortSecretsAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new StreamTokens("short", Duration.ofMinutes(5), Clock.systemUTC()));
    assertTrue(e.getMessage().contains("STREAM_TOKEN_SECRET"));
  }
}
