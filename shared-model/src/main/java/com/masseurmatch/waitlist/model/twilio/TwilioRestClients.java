package com.masseurmatch.waitlist.model.twilio;

import com.twilio.http.TwilioRestClient;
import java.net.URI;
import java.util.Optional;

/** Builds twilio-java REST clients, optionally pointed at {@code TWILIO_API_BASE_URL}. */
public final class TwilioRestClients {

  private TwilioRestClients() {}

  public static TwilioRestClient create(
      String accountSid, String authToken, Optional<URI> baseUrl) {
    TwilioRestClient.Builder builder =
        new TwilioRestClient.Builder(accountSid, authToken).accountSid(accountSid);
    baseUrl.ifPresent(url -> builder.httpClient(new BaseUrlHttpClient(url)));
    return builder.build();
  }
}
