package com.masseurmatch.waitlist.ivr.waitlist;

import com.masseurmatch.waitlist.ivr.config.AdminConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotAuthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks {@code Authorization: Bearer ADMIN_TOKEN} in constant time. */
@Singleton
@Startup
public class AdminAuth {

  /** Shorter tokens are refused at start-up: they would be guessable. */
  static final int MIN_LENGTH = 16;

  private final byte[] expected;

  AdminAuth(AdminConfig config) {
    String token =
        config
            .token()
            .filter(t -> !t.isBlank())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "ADMIN_TOKEN is not set: it protects the waitlist admin API and pages"));
    if (token.length() < MIN_LENGTH) {
      throw new IllegalStateException("ADMIN_TOKEN must be at least " + MIN_LENGTH + " characters");
    }
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  /** Whether a token typed into the console's sign-in form is the admin token (constant time). */
  public boolean accepts(String token) {
    byte[] given =
        token == null ? new byte[0] : ("Bearer " + token.trim()).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }

  /** Throws 401 unless the header carries the admin token. */
  public void require(String authorization) {
    byte[] given =
        authorization == null ? new byte[0] : authorization.trim().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, given)) {
      throw new NotAuthorizedException("Bearer realm=\"waitlist-admin\"");
    }
  }
}
