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
  private final WebhookSigner signer;

  WebhookClient(String authToken) {
    this.signer = new WebhookSigner(authToken);
  }

  HttpResponse<String> post(String url, Map<String, String> parameters)
      throws IOException, InterruptedException {
    String body =
        parameters.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(15))
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
