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

  /**
   * A client that makes exactly one attempt per request: twilio-java retries 5xx answers and Apache
   * HttpClient retries 503s on its own, which could send an SMS twice; the caller decides instead.
   */
  public static TwilioRestClient createSingleAttempt(
      String accountSid, String authToken, Optional<URI> baseUrl) {
    return new TwilioRestClient.Builder(accountSid, authToken)
        .accountSid(accountSid)
        .httpClient(new BaseUrlHttpClient(baseUrl.orElse(null), false))
        .build();
  }
}
