package com.masseurmatch.waitlist.bridge.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/** The Twilio account the bridge uses to end or redirect live calls (TWILIO_*). */
@ConfigMapping(prefix = "twilio")
public interface TwilioConfig {

  /** {@code TWILIO_ACCOUNT_SID}. */
  Optional<String> accountSid();

  /** {@code TWILIO_AUTH_TOKEN}: authenticates REST calls; never logged. */
  Optional<String> authToken();

  /** {@code TWILIO_API_BASE_URL}: replaces https://api.twilio.com (tests, simulators). */
  Optional<URI> apiBaseUrl();
}
