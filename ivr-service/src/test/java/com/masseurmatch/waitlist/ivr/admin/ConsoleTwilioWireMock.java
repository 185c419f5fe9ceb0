package com.masseurmatch.waitlist.ivr.admin;

import com.masseurmatch.waitlist.model.testing.WireMockResource;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** WireMock standing in for Twilio's REST API, where the console fetches recordings. */
public class ConsoleTwilioWireMock extends WireMockResource {

  public static final String ACCOUNT = "AC00000000000000000000000000000001";

  @Override
  protected Map<String, String> settings(int port) {
    return Map.of(
        "twilio.account-sid",
        ACCOUNT,
        "twilio.api-base-url",
        "http://127.0.0.1:" + port,
        "admin.console.recording-timeout",
        "2s");
  }

  @Override
  protected Class<? extends Annotation> marker() {
    return InjectTwilio.class;
  }

  /** Marks the field that receives this WireMock server. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface InjectTwilio {}
}
