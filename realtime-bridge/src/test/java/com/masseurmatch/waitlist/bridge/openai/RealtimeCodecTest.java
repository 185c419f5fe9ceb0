package com.masseurmatch.waitlist.bridge.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.bridge.frame.MalformedFrameException;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.AudioDelta;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.OutputItemDone;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.ResponseDone;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealtimeCodecTest {

  private final ObjectMapper json = new ObjectMapper();
  private final RealtimeCodec codec = new RealtimeCodec(json, 1 << 20);

  private static String fixture(String name) throws IOException {
    try (InputStream in = RealtimeCodecTest.class.getResourceAsStream("/openai/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void decodesTheEventsTheBridgeActsOn() throws Exception {
    AudioDelta delta = (AudioDelta) codec.decode(fixture("audio-delta.json"));
    assertEquals("item_A9z3", delta.itemId());
    assertEquals("//79/f5+fv7+/35+/v79fX5+", delta.delta());

    OutputItemDone done =
        (OutputItemDone) codec.decode(fixture("output-item-done-function-call.json"));
    assertEquals(true, done.item().isFunctionCall());
    assertEquals("lookup_appt", done.item().name());
    assertEquals("call_Q2x9", done.item().callId());
    assertEquals("{\"phone\":\"+14155550100\"}", done.item().arguments());

    ResponseDone response =
        (ResponseDone) codec.decode(fixture("response-done-function-call.json"));
    assertEquals(189, response.response().usage().inputTokenDetails().audioTokens());
    assertEquals(
        40, response.response().usage().inputTokenDetails().cachedTokensDetails().audioTokens());

    RealtimeServerEvent.Error error =
        (RealtimeServerEvent.Error) codec.decode(fixture("error.json"));
    assertEquals("session_expired", error.error().code());

    RealtimeServerEvent.SpeechStarted speech =
        (RealtimeServerEvent.SpeechStarted) codec.decode(fixture("speech-started.json"));
    assertEquals(4120, speech.audioStartMs());
  }

  /** A GA sample of every event type decoded into a record, each with fields the bridge skips. */
  private static final Map<String, String> SAMPLES =
      Map.ofEntries(
          Map.entry("session.created", "session-created.json"),
          Map.entry("session.updated", "session-updated.json"),
          Map.entry("response.created", "response-created.json"),
          Map.entry("response.output_audio.done", "audio-done.json"),
          Map.entry("response.output_audio_transcript.done", "audio-transcript-done.json"),
          Map.entry(
              "conversation.item.input_audio_transcription.completed",
              "input-transcription-completed.json"),
          Map.entry("input_audio_buffer.speech_started", "speech-started.json"),
          Map.entry("input_audio_buffer.speech_stopped", "speech-stopped.json"),
          Map.entry("response.output_item.done", "output-item-done-function-call.json"),
          Map.entry("response.done", "response-done-function-call.json"),
          Map.entry("error", "error.json"));

  @Test
  void everyServerEventDecodesWithAPlainObjectMapperDespiteFieldsItDoesNotKnow() throws Exception {
    // a plain ObjectMapper fails on unknown properties, unlike the one Quarkus configures
    assertEquals(RealtimeCodec.decodedTypes(), SAMPLES.keySet(), "a sample for every type");
    for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
      RealtimeServerEvent event = codec.decode(fixture(sample.getValue()));
      assertFalse(
          event instanceof RealtimeServerEvent.Ignored
              || event instanceof RealtimeServerEvent.Unknown,
          sample.getKey());
    }
    RealtimeServerEvent.AudioTranscriptDone said =
        (RealtimeServerEvent.AudioTranscriptDone)
            codec.decode(fixture("audio-transcript-done.json"));
    assertEquals("Your next visit is March 14th at 9:30.", said.transcript());
  }

  @Test
  void theSessionInEffectTellsWhetherItSpeaksULawBothWays() throws Exception {
    var created =
        (RealtimeServerEvent.SessionCreated) codec.decode(fixture("session-created.json"));
    assertFalse(created.session().pcmuBothWays(), "OpenAI's defaults are 24 kHz PCM");
    var updated =
        (RealtimeServerEvent.SessionUpdated) codec.decode(fixture("session-updated.json"));
    assertTrue(updated.session().pcmuBothWays());
    var refused = (RealtimeServerEvent.Error) codec.decode(fixture("error-session-update.json"));
    assertEquals(RealtimeCodec.SESSION_UPDATE_EVENT_ID, refused.error().eventId());
  }

  @Test
  void theTypeIsFoundWhereverItStands() throws Exception {
    String late =
        "{\"event_id\":\"e1\",\"item\":{\"type\":\"function_call\",\"name\":\"x\",\"call_id\":\"c\"},"
            + "\"type\":\"response.output_item.done\"}";
    assertInstanceOf(OutputItemDone.class, codec.decode(late));
  }

  @Test
  void knownButUnusedAndUnknownEventsAreTold() throws Exception {
    assertInstanceOf(
        RealtimeServerEvent.Ignored.class, codec.decode("{\"type\":\"rate_limits.updated\"}"));
    assertInstanceOf(
        RealtimeServerEvent.Unknown.class, codec.decode("{\"type\":\"brand.new.event\"}"));
  }

  @Test
  void malformedEventsAreRejected() {
    for (String text :
        new String[] {
          "", "[]", "{\"no\":1}", "{\"type\":\"response.done\",\"response\":7}", "{\"type\""
        }) {
      assertThrows(MalformedFrameException.class, () -> codec.decode(text), text);
    }
  }

  @Test
  void clientEventsHaveTheGaShape() throws Exception {
    assertEquals(
        json.readTree("{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAEC\"}"),
        json.readTree(RealtimeCodec.append("AAEC")));
    assertEquals(
        json.readTree(
            "{\"type\":\"conversation.item.truncate\",\"item_id\":\"i1\",\"content_index\":0,"
                + "\"audio_end_ms\":230}"),
        json.readTree(codec.truncate("i1", 230)));
    assertEquals(
        json.readTree(
            "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\","
                + "\"call_id\":\"c1\",\"output\":\"{\\\"ok\\\":true}\"}}"),
        json.readTree(codec.functionCallOutput("c1", "{\"ok\":true}")));
    assertEquals(
        json.readTree(
            "{\"type\":\"session.update\",\"event_id\":\"knotty_session_update\","
                + "\"session\":{\"type\":\"realtime\"}}"),
        json.readTree(codec.sessionUpdate(Map.of("type", "realtime"))));
    assertEquals(
        json.readTree("{\"type\":\"response.create\"}"), json.readTree(codec.responseCreate()));
    assertEquals(3, RealtimeCodec.decodedLength("AAEC"));
    assertEquals(1, RealtimeCodec.decodedLength("AA=="));
    assertEquals(
        160,
        RealtimeCodec.decodedLength(java.util.Base64.getEncoder().encodeToString(new byte[160])));
  }
}
