package com.masseurmatch.waitlist.bridge.call;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.masseurmatch.waitlist.bridge.fake.TwilioRestWireMock;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeSession;
import com.masseurmatch.waitlist.testkit.openai.Reply;
import com.masseurmatch.waitlist.testkit.twilio.MediaStreamClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    // barrier: audio sent after the truncate reaches OpenAI after it, so any error is in by then
    twilio.media(1050, (byte) 2);
    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length >= 480);
    assertTrue(session.errors().isEmpty(), session.errors().toString());

    // Twilio echoes the cleared marks: they must not count for the next reply
    for (String mark : marks.subList(2, 5)) {
      twilio.mark(mark);
    }
    session.speechStarted(2000);
    awaitHandled(twilio, session);
    assertEquals(1, twilio.received("clear").size(), "nothing was playing any more");
  }

  @Test
  void aReplyOpenAiCancelsOnBargeInIsNotPlayedAnyFurther() throws Exception {
    // the reply is still in progress when the caller speaks: server VAD cancels it
    openai.responseDoneDelay(java.time.Duration.ofMinutes(1));
    openai.enqueue(Reply.speech("Welcome to MasseurMatch, I'm Knotty", 4000)); // 5 chunks
    MediaStreamClient twilio = startCall(newCallSid());
    FakeRealtimeSession session = awaitOpenAi(0);
    Awaitility.await().atMost(WAIT).until(() -> twilio.received("mark").size() >= 5);
    twilio.media(1000, (byte) 1);
    twilio.mark(twilio.markNames().get(0));
    twilio.media(1050, (byte) 1);
    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length >= 320);
    int played = twilio.received("media").size();

    session.speechStarted(900);

    twilio.await(m -> "clear".equals(m.path("event").asText()), WAIT);
    assertEquals(
        150,
        awaitReceived(session, "conversation.item.truncate", 1)
            .get(0)
            .path("audio_end_ms")
            .asLong());
    // the cancelled reply's late deltas came before this barrier on the same socket
    awaitHandled(twilio, session);
    assertEquals(played + 1, twilio.received("media").size(), "late audio of the cut reply");
    assertFalse(session.responding(), "OpenAI cancelled the reply");
    assertTrue(session.errors().isEmpty(), session.errors().toString());
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
    awaitHandled(twilio, session);
    twilio.media(5020, (byte) 1);
    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length >= 480);

    assertTrue(twilio.received("clear").isEmpty());
    assertTrue(session.received("conversation.item.truncate").isEmpty());
  }

  @Test
  void endCallHangsUpThroughTwilioOnceTheGoodbyeHasPlayed() throws Exception {
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    FakeRealtimeSession session = awaitOpenAi(0);
    awaitEndCallMark(twilio, session, "No, that's all, bye!");

    // Twilio echoes the goodbye's marks, then the end-call mark: only now the call ends
    Instant echoed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
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
    // the hang-up followed the echo, not the goodbye itself
    for (var request : twilioRest.findAll(postRequestedFor(urlPathEqualTo(callPath(callSid))))) {
      assertFalse(request.getLoggedDate().toInstant().isBefore(echoed), "hung up before the echo");
    }
    JsonNode output = session.received("conversation.item.create").get(1).path("item");
    assertEquals("function_call_output", output.path("type").asText());
    // only the greeting was asked for: no response.create followed end_call (barrier: audio
    // sent now reaches OpenAI after anything the bridge sent before it)
    int appended = session.appendedAudio().length;
    twilio.media(9000, (byte) 4);
    Awaitility.await().atMost(WAIT).until(() -> session.appendedAudio().length > appended);
    assertEquals(1, session.received("response.create").size());
  }

  @Test
  void framesAfterTheCallEndedAreIgnored() throws Exception {
    String callSid = newCallSid();
    MediaStreamClient twilio = startCall(callSid);
    awaitEndCallMark(twilio, awaitOpenAi(0), "Bye!");

    // the caller hangs up before the goodbye has played; Twilio's socket is still open
    double hungUp = metric("bridge_calls_hung_up_total");
    twilio.stop(callSid);
    twilio.markNames().forEach(twilio::mark);
    twilio.media(5000, (byte) 1);
    twilio.sync();

    // the bridge handled every frame above without deciding to hang up
    assertEquals(hungUp, metric("bridge_calls_hung_up_total"));
    twilioRest.verify(0, postRequestedFor(urlPathEqualTo(callPath(callSid))));
  }

  /**
   * Barrier for what OpenAI sent before: a further delta of a new item follows it on the same
   * socket, so once its audio reached Twilio the bridge has handled everything before it.
   */
  private static void awaitHandled(MediaStreamClient twilio, FakeRealtimeSession session) {
    int before = twilio.received("media").size();
    session.sendRaw(
        "{\"type\":\"response.output_audio.delta\",\"response_id\":\"resp_barrier\","
            + "\"item_id\":\"item_barrier_"
            + before
            + "\",\"output_index\":0,\"content_index\":0,\"delta\":\""
            + "/".repeat(212)
            + "/w==\"}");
    Awaitility.await().atMost(WAIT).until(() -> twilio.received("media").size() > before);
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
