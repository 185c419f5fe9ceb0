package com.masseurmatch.waitlist.bridge.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A silent caller is checked on, then let go; the configured limits apply; each prompt is added to
 * the conversation, never as a reply's own instructions.
 */
@QuarkusTest
@TestProfile(TimeLimitsTest.ShortLimits.class)
class TimeLimitsTest extends BridgeTestSupport {

  public static class ShortLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("bridge.silence-timeout", "1s", "bridge.silence-prompts", "1");
    }
  }

  @Test
  void aSilentCallerIsAskedOnceThenToldGoodbye() throws Exception {
    MediaStreamClient twilio = startCall(newCallSid());
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    // Twilio plays everything Knotty says to the end; the caller never speaks
    java.util.Set<String> played = new java.util.HashSet<>();
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> {
              for (String mark : twilio.markNames()) {
                if (played.add(mark)) {
                  twilio.mark(mark);
                }
              }
              return session.received("response.create").size() >= 3;
            });

    // each prompt is a system message followed by a bare response.create: the reply keeps the
    // session's instructions (Knotty's persona and rules) instead of replacing them
    List<JsonNode> events = session.received();
    List<String> prompts = new ArrayList<>();
    int creates = 0;
    for (int i = 0; i < events.size(); i++) {
      JsonNode event = events.get(i);
      if (!"response.create".equals(event.path("type").asText())) {
        continue;
      }
      assertFalse(event.has("response"), "a reply with its own settings: " + event);
      if (++creates > 1) {
        JsonNode item = events.get(i - 1).path("item");
        assertEquals("message", item.path("type").asText(), events.get(i - 1).toString());
        assertEquals("system", item.path("role").asText());
        prompts.add(item.path("content").path(0).path("text").asText());
      }
    }
    assertTrue(prompts.size() >= 2, prompts.toString());
    String firstPrompt = prompts.get(0);
    String goodbye = prompts.get(1);
    assertTrue(firstPrompt.contains("still there"), firstPrompt);
    assertTrue(goodbye.contains("goodbye") && goodbye.contains("end_call"), goodbye);
    assertTrue(session.errors().isEmpty(), session.errors().toString());
  }
}
