package com.masseurmatch.waitlist.bridge.call;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.masseurmatch.waitlist.bridge.fake.TwilioRestWireMock;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.openai.Reply;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Barge-in over the wire, and hanging up after Knotty's goodbye. */
@QuarkusTest
class BargeInAndHangUpTest extends BridgeTestSupport {

  @Test
  void callerSpeechDuringTheGreetingClearsTwilioAndTruncatesWhatWasHeard() throws Exception {
    openai.enqueue(Reply.speech("Welcome to MasseurMatch, I'm Knotty", 4000)); // 500 ms, 5 chunks
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    Awaitility.await().atMost(WAIT).until(() -> twilio.received("mark").size() >= 5);
    List<String> marks = twilio.markNames();

    // the caller's clock: 1000 ms; two chunks (200 ms) have played, the third for 30 ms
    twilio.media(1000, (byte) 1);
    twilio.mark(marks.get(0));
    twilio.mark(marks.get(1));
    twilio.media(1030, (byte) 1);
    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length >= 320);
    session.speechStarted(900);

    JsonNode clear = twilio.await(m -> "clear".equals(m.path("event").asText()), WAIT);
    assertEquals(MediaStreamClient.STREAM_SID, clear.path("streamSid").asText());
    JsonNode truncate = awaitReceived(session, "conversation.item.truncate", 1).get(0);
    assertEquals(230, truncate.path("audio_end_ms").asLong());
    assertEquals(0, truncate.path("content_index").asInt());
    assertTrue(truncate.path("item_id").asText().startsWith("item_"));
    Awaitility.await().pollDelay(java.time.Duration.ofMillis(100)).until(() -> true);
    assertTrue(session.errors().isEmpty(), session.errors().toString());

    // Twilio echoes the cleared marks: they must not count for the next reply
    for (String mark : marks.subList(2, 5)) {
      twilio.mark(mark);
    }
    session.speechStarted(2000);
    Thread.sleep(200);
    assertEquals(1, twilio.received("clear").size(), "nothing was playing any more");
  }

  @Test
  void speechAfterAReplyFinishedPlayingDoesNotTruncate() throws Exception {
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    Awaitility.await().atMost(WAIT).until(() -> twilio.received("mark").size() >= 2);
    twilio.media(100, (byte) 1);
    twilio.markNames().forEach(twilio::mark);
    twilio.media(5000, (byte) 1);
    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length >= 320);

    session.speechStarted(4800);
    Thread.sleep(300);

    assertTrue(twilio.received("clear").isEmpty());
    assertTrue(session.received("conversation.item.truncate").isEmpty());
  }

  @Test
  void endCallHangsUpThroughTwilioOnceTheGoodbyeHasPlayed() throws Exception {
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitEndCallMark(twilio, session, "No, that's all, bye!");
    Thread.sleep(200);
    twilioRest.verify(0, postRequestedFor(urlPathEqualTo(callPath(callSid))));
    // only the greeting was asked for: no response.create follows end_call
    assertEquals(1, session.received("response.create").size());

    // Twilio echoes the goodbye's marks, then the end-call mark: only now the call ends
    twilio.markNames().forEach(twilio::mark);

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                twilioRest.verify(
                    1,
                    postRequestedFor(urlPathEqualTo(callPath(callSid)))
                        .withRequestBody(equalTo("Status=completed"))
                        .withHeader(
                            "Authorization",
                            equalTo(
                                "Basic "
                                    + java.util.Base64.getEncoder()
                                        .encodeToString(
                                            (TwilioRestWireMock.ACCOUNT_SID
                                                    + ":"
                                                    + TwilioRestWireMock.AUTH_TOKEN)
                                                .getBytes())))));
    JsonNode output = session.received("conversation.item.create").get(1).path("item");
    assertEquals("function_call_output", output.path("type").asText());
  }

  @Test
  void framesAfterTheCallEndedAreIgnored() throws Exception {
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    awaitEndCallMark(twilio, awaitOpenAi(0), "Bye!");

    // the caller hangs up before the goodbye has played; Twilio's socket is still open
    twilio.stop(callSid);
    Thread.sleep(200);
    twilio.markNames().forEach(twilio::mark);
    twilio.media(5000, (byte) 1);
    Thread.sleep(300);

    twilioRest.verify(0, postRequestedFor(urlPathEqualTo(callPath(callSid))));
  }

  /**
   * The caller says goodbye, Knotty calls end_call: returns once the end-call mark reached Twilio.
   */
  private void awaitEndCallMark(
      MediaStreamClient twilio, FakeRealtimeSession session, String lastWords) {
    awaitReceived(session, "response.create", 1);
    openai.enqueue(new Reply.FunctionCall("end_call", "{}", 1600));
    session.callerTurn(lastWords);
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> twilio.markNames().contains(Conversation.END_CALL_MARK));
  }

  private static String callPath(String callSid) {
    return "/2010-04-01/Accounts/" + TwilioRestWireMock.ACCOUNT_SID + "/Calls/" + callSid + ".json";
  }
}
