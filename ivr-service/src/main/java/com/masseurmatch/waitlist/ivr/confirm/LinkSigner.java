package com.masseurmatch.waitlist.ivr.confirm;

import com.masseurmatch.waitlist.ivr.config.AdminConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the links in confirmation e-mails: HMAC-SHA256 over the action, the subject (an
 * entry or change id, with its version) and the expiry, compared in constant time.
 */
@Singleton
@Startup
public class LinkSigner {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final byte[] key;
  private final Clock clock;

  LinkSigner(ConfirmConfig config, AdminConfig admin, Clock clock) {
    this.clock = clock;
    String secret = config.linkSecret().filter(s -> !s.isBlank()).orElseGet(() -> derived(admin));
    if (secret.length() < 16) {
      throw new IllegalStateException(
          "CONFIRM_LINK_SECRET (or ADMIN_TOKEN) must be at least 16 characters");
    }
    this.key = secret.getBytes(UTF8);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  /** A key of its own derived from the admin token, so that one secret less must be managed. */
  private static String derived(AdminConfig admin) {
    String token =
        admin
            .token()
            .filter(t -> !t.isBlank())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "CONFIRM_LINK_SECRET is not set, nor ADMIN_TOKEN to derive it from"));
    return hmac("confirmation-links", token.getBytes(UTF8));
  }

  /** The signature of a link that expires at {@code expires} (epoch seconds). */
  public String sign(String action, String subject, long expires) {
    return hmac(action + "\n" + subject + "\n" + expires, key);
  }

  /** Whether the signature matches and the link has not expired. */
  public boolean valid(String action, String subject, long expires, String signature) {
    if (signature == null || expires < clock.instant().getEpochSecond()) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(action, subject, expires).getBytes(UTF8), signature.getBytes(UTF8));
  }

  private static String hmac(String data, byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return ENCODER.encodeToString(mac.doFinal(data.getBytes(UTF8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
