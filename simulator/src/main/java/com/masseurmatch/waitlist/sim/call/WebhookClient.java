package com.masseurmatch.waitlist.sim.call;

import com.masseurmatch.waitlist.testkit.twilio.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Posts webhooks as Twilio does: form-encoded, signed with the account's auth token over the full
 * URL and the sorted parameters ({@code X-Twilio-Signature}), with Twilio's 15 s limit.
 */
final class WebhookClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Twilio waits this long for a webhook's answer, connecting included (error 11205). */
  static final Duration TWILIO_LIMIT = Duration.ofSeconds(15);

  private final WebhookSigner signer;
  private final Duration limit;

  WebhookClient(String authToken, Duration limit) {
    this.signer = new WebhookSigner(authToken);
    this.limit = limit;
  }

  Duration limit() {
    return limit;
  }

  /** The answer; {@link java.net.http.HttpTimeoutException} when it took longer than the limit. */
  HttpResponse<String> post(String url, Map<String, String> parameters)
      throws IOException, InterruptedException {
    String body =
        parameters.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(limit)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signer.sign(url, parameters))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
