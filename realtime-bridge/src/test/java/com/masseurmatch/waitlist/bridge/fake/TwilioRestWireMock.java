package com.masseurmatch.waitlist.bridge.fake;

import com.masseurmatch.waitlist.model.testing.WireMockResource;
import java.lang.annotation.Annotation;
import java.util.Map;

/** WireMock standing in for Twilio's REST API; sets {@code TWILIO_API_BASE_URL} and an account. */
public class TwilioRestWireMock extends WireMockResource {

  public static final String ACCOUNT_SID = "AC22222222222222222222222222222222";
  public static final String AUTH_TOKEN = "test-twilio-auth-token";

  @Override
  protected Map<String, String> settings(int port) {
    return Map.of(
        "twilio.api-base-url", "http://localhost:" + port,
        "twilio.account-sid", ACCOUNT_SID,
        "twilio.auth-token", AUTH_TOKEN);
  }

  @Override
  protected Class<? extends Annotation> marker() {
    return InjectTwilioRest.class;
  }
}
