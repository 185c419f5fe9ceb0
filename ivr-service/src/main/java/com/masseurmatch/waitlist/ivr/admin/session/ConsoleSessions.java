package com.masseurmatch.waitlist.ivr.admin.session;

import com.masseurmatch.waitlist.ivr.admin.ConsoleData;
import com.masseurmatch.waitlist.ivr.config.AdminConfig;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Console sign-ins as signed cookies, so any instance of the service accepts them: {@code
 * base64url(operator).expiry.nonce.base64url(HMAC-SHA256)}, keyed by a key derived from {@code
 * ADMIN_TOKEN} (changing the token signs everyone out). The CSRF token is an HMAC of the nonce.
 * Signing out records a hash of the nonce in the database until the cookie would have expired, so
 * every instance refuses the cookie from then on.
 */
@Singleton
public class ConsoleSessions {

  /** The session cookie's name. */
  public static final String COOKIE = "mm_console";

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] key;
  private final Duration duration;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ConsoleData data;

  ConsoleSessions(AdminConfig config, Clock clock, ConsoleData data) {
    String token = config.token().orElse("");
    this.key = hmac(token.getBytes(StandardCharsets.UTF_8), "masseurmatch-console-session");
    this.duration = config.console().sessionDuration();
    this.clock = clock;
    this.data = data;
  }

  public Duration duration() {
    return duration;
  }

  /** A new session for the operator and its cookie value. */
  public Issued issue(String operator) {
    byte[] nonceBytes = new byte[18];
    random.nextBytes(nonceBytes);
    String nonce = B64.encodeToString(nonceBytes);
    Instant expires = clock.instant().plus(duration);
    String payload =
        B64.encodeToString(operator.getBytes(StandardCharsets.UTF_8))
            + "."
            + expires.getEpochSecond()
            + "."
            + nonce;
    String value = payload + "." + B64.encodeToString(hmac(key, payload));
    return new Issued(new ConsoleSession(operator, expires, nonce, csrf(nonce)), value);
  }

  /** The session a cookie value stands for, when its signature holds and it has not ended. */
  public Optional<ConsoleSession> verify(String cookie) {
    if (cookie == null || cookie.length() > 1024) {
      return Optional.empty();
    }
    String[] parts = cookie.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    String payload = parts[0] + "." + parts[1] + "." + parts[2];
    byte[] signature;
    try {
      signature = B64D.decode(parts[3]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(hmac(key, payload), signature)) {
      return Optional.empty();
    }
    Instant expires;
    String operator;
    try {
      expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
      operator = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!now.isBefore(expires) || revoked(parts[2])) {
      return Optional.empty();
    }
    return Optional.of(new ConsoleSession(operator, expires, parts[2], csrf(parts[2])));
  }

  /** Signs a session out on every instance. Blocking. */
  public void revoke(ConsoleSession session) {
    String id = sessionId(session.nonce());
    data.read(
        store -> {
          store.revokeSession(id, session.expiresAt());
          return null;
        });
  }

  private boolean revoked(String nonce) {
    String id = sessionId(nonce);
    return data.read(store -> store.sessionRevoked(id));
  }

  /** What the database keeps of a signed-out session: a hash of its nonce, never the nonce. */
  private String sessionId(String nonce) {
    return B64.encodeToString(hmac(key, "revoked." + nonce));
  }

  /** Whether a form's token is the session's, compared in constant time. */
  public static boolean csrfMatches(ConsoleSession session, String given) {
    return given != null
        && MessageDigest.isEqual(
            session.csrfToken().getBytes(StandardCharsets.UTF_8),
            given.getBytes(StandardCharsets.UTF_8));
  }

  private String csrf(String nonce) {
    return B64.encodeToString(hmac(key, "csrf." + nonce));
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** A session and the cookie value that carries it. */
  public record Issued(ConsoleSession session, String cookieValue) {}
}
