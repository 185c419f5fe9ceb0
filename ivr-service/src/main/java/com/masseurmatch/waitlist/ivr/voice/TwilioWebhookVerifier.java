package com.masseurmatch.waitlist.ivr.voice;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import com.masseurmatch.waitlist.model.logging.LogText;
import com.masseurmatch.waitlist.model.twilio.TwilioConfig;
import com.twilio.security.RequestValidator;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} on every voice webhook with twilio-java's validator, over the
 * public URL Twilio called: {@code PUBLIC_BASE_URL} plus the request's path and query. Never the
 * request's {@code Host} or {@code X-Forwarded-Host}: a client chooses those, the operator chooses
 * {@code PUBLIC_BASE_URL}.
 */
@Singleton
@Startup
public class TwilioWebhookVerifier {

  private final RequestValidator validator;
  private final String base;

  TwilioWebhookVerifier(IvrConfig config, TwilioConfig twilio) {
    this.base = IvrConfig.baseUrl(config);
    if (!config.signature().validate()) {
      this.validator = null;
      Log.warn(
          "Twilio signature validation is OFF (IVR_SIGNATURE_VALIDATE=false): anyone can drive"
              + " this IVR. Never run it like this in production.");
      return;
    }
    String token =
        twilio
            .authToken()
            .filter(t -> !t.isBlank())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "TWILIO_AUTH_TOKEN is not set: it is needed to validate Twilio webhook"
                            + " signatures"));
    this.validator = new RequestValidator(token);
  }

  /** The verified request; throws {@link ForgedWebhookException} otherwise. */
  public VoiceRequest verify(HttpServerRequest request, MultivaluedMap<String, String> form) {
    VoiceRequest voice = new VoiceRequest(form);
    if (validator == null) {
      return voice;
    }
    String signature = request.getHeader("X-Twilio-Signature");
    if (signature == null || signature.isBlank()) {
      throw new ForgedWebhookException("missing X-Twilio-Signature");
    }
    Map<String, String> params = new HashMap<>();
    form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
    String url = publicUrl(request);
    if (!validator.validate(url, params, signature)) {
      throw new ForgedWebhookException(
          "X-Twilio-Signature does not match " + LogText.of(request.path()));
    }
    return voice;
  }

  /** The URL Twilio requested, as it signed it. */
  String publicUrl(HttpServerRequest request) {
    return base + request.uri();
  }
}
