package com.masseurmatch.waitlist.testkit.twilio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the way Twilio does ({@code X-Twilio-Signature}): base64 of HMAC-SHA1 over the
 * full URL followed by every POST parameter name and value, sorted by name.
 */
public final class WebhookSigner {

  private final SecretKeySpec key;

  public WebhookSigner(String authToken) {
    this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
  }

  public String sign(String url, Map<String, String> parameters) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(key);
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA1 is not available", e);
    }
  }
}
