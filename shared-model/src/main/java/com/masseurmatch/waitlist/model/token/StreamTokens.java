package com.masseurmatch.waitlist.model.token;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the token the IVR hands to each media stream: {@code
 * {expiryEpochSeconds}.{base64url(HMAC-SHA256(secret, callSid + "." + expiry))}}, bound to the call
 * SID, compared in constant time.
 */
public final class StreamTokens {

  /** Shorter secrets are refused: the token is the only thing between a caller and OpenAI cost. */
  public static final int MIN_SECRET_LENGTH = 32;

  private static final String ALGORITHM = "HmacSHA256";

  /**
   * The one spelling a token has: the expiry in plain decimal digits (no sign, no leading zero), a
   * dot, and the 43 characters of an unpadded base64url HMAC-SHA256.
   */
  private static final Pattern FORMAT = Pattern.compile("[1-9][0-9]{0,17}\\.[A-Za-z0-9_-]{43}");

  private final SecretKeySpec key;
  private final Duration ttl;
  private final Clock clock;

  public StreamTokens(String secret, Duration ttl, Clock clock) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException(
          "STREAM_TOKEN_SECRET is not set: give both services the same random value of at least "
              + MIN_SECRET_LENGTH
              + " characters");
    }
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "STREAM_TOKEN_SECRET must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A token for this call, valid for the configured lifetime from now. */
  public String issue(String callSid) {
    long expiry = clock.instant().plus(ttl).getEpochSecond();
    return expiry + "." + signature(callSid, expiry);
  }

  /** The expiry of a token that verified, in epoch seconds. */
  public static long expiryOf(String token) {
    return Long.parseLong(token.substring(0, token.indexOf('.')));
  }

  public TokenCheck verify(String token, String callSid) {
    if (token == null || token.isEmpty() || callSid == null || callSid.isEmpty()) {
      return TokenCheck.MISSING;
    }
    if (token.length() > 64 || !FORMAT.matcher(token).matches()) {
      return TokenCheck.MALFORMED;
    }
    int dot = token.indexOf('.');
    long expiry = Long.parseLong(token.substring(0, dot));
    byte[] expected = signature(callSid, expiry).getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return TokenCheck.BAD_SIGNATURE;
    }
    return clock.instant().getEpochSecond() > expiry ? TokenCheck.EXPIRED : TokenCheck.VALID;
  }

  private String signature(String callSid, long expiry) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal((callSid + "." + expiry).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
