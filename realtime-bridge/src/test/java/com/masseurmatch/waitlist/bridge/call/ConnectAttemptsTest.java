package com.masseurmatch.waitlist.bridge.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Each OpenAI connect attempt is tagged: the socket of an attempt that was given up (here: its
 * handshake outlasted the 2 s session-start timeout) is closed once it opens and never becomes the
 * call's, whether it opens before the retry's socket or after the call is live.
 */
@QuarkusTest
class ConnectAttemptsTest extends BridgeTestSupport {

  @Test
  void aLateSocketOpeningBeforeTheRetrysIsClosedAndTheRetryCarriesTheCall() throws Exception {
    // attempt 1 opens at 3 s (given up at 2 s); attempt 2 starts at 2.25 s and opens at 3.75 s
    openai.delayNext(Duration.ofMillis(3000), Duration.ofMillis(1500));
    MediaStreamClient twilio = startCall(newCallSid());

    FakeRealtimeSession late = awaitOpenAi(0);
    FakeRealtimeSession current = awaitOpenAi(1);
    awaitReceived(current, "response.create", 1);
    Awaitility.await().atMost(WAIT).until(late::isClosed);
    assertCarries(twilio, current, late);
  }

  @Test
  void aLateSocketOpeningAfterTheCallIsLiveIsClosed() throws Exception {
    // attempt 1 opens at 4 s (given up at 2 s); attempt 2 starts at 2.25 s and opens at once
    openai.delayNext(Duration.ofMillis(4000), Duration.ZERO);
    MediaStreamClient twilio = startCall(newCallSid());

    FakeRealtimeSession current = awaitOpenAi(0);
    awaitReceived(current, "response.create", 1);
    FakeRealtimeSession late = awaitOpenAi(1);
    Awaitility.await().atMost(WAIT).until(late::isClosed);
    assertCarries(twilio, current, late);
  }

  /** Caller audio reaches the current socket; the late one never received anything. */
  private static void assertCarries(
      MediaStreamClient twilio, FakeRealtimeSession current, FakeRealtimeSession late) {
    twilio.media(5000, (byte) 3);
    Awaitility.await().atMost(WAIT).until(() -> current.appendedAudio().length >= 160);
    assertEquals(List.of(), late.received(), "the late socket was never the call's");
    assertEquals(1, current.received("session.update").size());
  }
}
