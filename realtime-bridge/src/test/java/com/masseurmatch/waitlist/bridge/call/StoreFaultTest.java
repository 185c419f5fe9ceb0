package com.masseurmatch.waitlist.bridge.call;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.masseurmatch.waitlist.model.outbox.SignupOutbox;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.openai.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A store that throws instead of failing politely: the model still gets its answer. */
@QuarkusTest
@TestProfile(StoreFaultTest.Throwing.class)
class StoreFaultTest extends BridgeTestSupport {

  /** The waitlist store is {@link ThrowingStore}. */
  public static class Throwing implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(ThrowingStore.class);
    }
  }

  @Inject SignupOutbox outbox;

  @Test
  void aStoreThatThrowsStillAnswersTheModelAndKeepsTheSignup() throws Exception {
    startCall(newCallSid());
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitReceived(session, "response.create", 1);
    Awaitility.await().atMost(WAIT).until(() -> !session.responding());
    openai.enqueue(Reply.call("save_waitlist_entry", RealtimeCallTest.ARGS));
    session.callerTurn("yes, that's right");

    JsonNode output = awaitFunctionOutput(session);
    assertTrue(output.path("output").asText().contains("\"ok\":false"), output.toString());
    // the conversation goes on: Knotty is asked to reply to the output
    awaitReceived(session, "response.create", 2);
    // and the signup waits in the outbox for the store
    Awaitility.await().atMost(WAIT).until(() -> outbox.depth() == 1);
    assertTrue(
        metric("bridge_tool_results_total{result=\"failed\",tool=\"save_waitlist_entry\"}") >= 1);
  }
}
