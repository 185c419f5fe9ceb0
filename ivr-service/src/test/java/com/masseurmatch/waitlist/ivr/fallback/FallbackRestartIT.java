package com.masseurmatch.waitlist.ivr.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import com.masseurmatch.waitlist.testkit.twilio.WebhookSigner;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripted form's state travels with the call, not in the process: a call started on one
 * instance continues on a fresh one.
 */
class FallbackRestartIT {

  private static final String BASE = "https://ivr.example.org";
  private static final String TOKEN = "restart-test-twilio-token";
  private static final String CALL = "CA0123456789abcdef0123456789abcdef";

  @TempDir Path data;

  private Map<String, String> env() {
    return Map.of(
        "PUBLIC_BASE_URL",
        BASE,
        "TWILIO_AUTH_TOKEN",
        TOKEN,
        "ADMIN_TOKEN",
        "restart-test-admin-token",
        "STREAM_TOKEN_SECRET",
        "restart-test-stream-secret-0123456789abcdef",
        "WAITLIST_DATA_DIR",
        data.toString(),
        "WAITLIST_STORE",
        "embedded");
  }

  private static String post(ServiceProcess ivr, String path, Map<String, String> extra)
      throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", CALL);
    params.put("From", "+14155550100");
    params.put("To", "+14155550123");
    params.putAll(extra);
    String body =
        params.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ivr.port() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", new WebhookSigner(TOKEN).sign(BASE + path, params))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  /** The path and query of the answer's {@code <Gather>} action, as Twilio would request it. */
  private static String action(String twiml) {
    Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(twiml);
    assertTrue(action.find(), twiml);
    return action.group(1).replace("&amp;", "&").substring(BASE.length());
  }

  @Test
  void aCallContinuesOnAFreshInstance() throws Exception {
    String next;
    try (ServiceProcess first = ServiceProcess.start(env())) {
      first.awaitHttp("/api/health/ready", Duration.ofSeconds(30));
      String phone = post(first, "/api/voice/scripted", Map.of());
      String role = post(first, action(phone), Map.of("Digits", "1"));
      assertTrue(role.contains("massage therapist, press 1"), role);
      next = action(role);
      first.terminate();
      assertNotEquals(-1, first.awaitExit(Duration.ofSeconds(20)));
    }
    try (ServiceProcess second = ServiceProcess.start(env())) {
      second.awaitHttp("/api/health/ready", Duration.ofSeconds(30));
      String name = post(second, next, Map.of("Digits", "1"));
      assertTrue(name.contains("first and last name"), name);
    }
  }
}
