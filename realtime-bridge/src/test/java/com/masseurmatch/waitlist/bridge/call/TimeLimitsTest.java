package com.masseurmatch.waitlist.bridge.call;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A silent caller is checked on, then let go; the configured limits apply. */
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

    List<JsonNode> creates = session.received("response.create");
    String firstPrompt = creates.get(1).path("response").path("instructions").asText();
    String goodbye = creates.get(2).path("response").path("instructions").asText();
    assertTrue(firstPrompt.contains("still there"), firstPrompt);
    assertTrue(goodbye.contains("goodbye") && goodbye.contains("end_call"), goodbye);
    assertTrue(session.errors().isEmpty(), session.errors().toString());
  }
}
