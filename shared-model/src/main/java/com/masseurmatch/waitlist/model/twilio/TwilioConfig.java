package com.masseurmatch.waitlist.model.twilio;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/** The Twilio account (TWILIO_*): validates webhooks and authenticates REST calls. */
@ConfigMapping(prefix = "twilio")
public interface TwilioConfig {

  /** {@code TWILIO_ACCOUNT_SID}. */
  Optional<String> accountSid();

  /** {@code TWILIO_AUTH_TOKEN}: authenticates REST calls; never logged. */
  Optional<String> authToken();

  /** {@code TWILIO_PHONE_NUMBER}: the number callers dial, used as caller ID for transfers. */
  Optional<String> phoneNumber();

  /** {@code TWILIO_API_BASE_URL}: replaces https://api.twilio.com (tests, simulators). */
  Optional<URI> apiBaseUrl();
}
