package com.masseurmatch.waitlist.bridge.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.bridge.frame.MalformedFrameException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only place that knows OpenAI Realtime's wire format: decodes server events by their {@code
 * type} into {@link RealtimeServerEvent}s and writes client events.
 */
public final class RealtimeCodec {

  /** Data-bound events; {@code response.output_audio.delta} is built from the scan instead. */
  private static final Map<String, Class<? extends RealtimeServerEvent>> TYPES =
      Map.ofEntries(
          Map.entry("session.created", RealtimeServerEvent.SessionCreated.class),
          Map.entry("session.updated", RealtimeServerEvent.SessionUpdated.class),
          Map.entry("response.created", RealtimeServerEvent.ResponseCreated.class),
          Map.entry("response.output_audio.done", RealtimeServerEvent.AudioDone.class),
          Map.entry(
              "response.output_audio_transcript.done",
              RealtimeServerEvent.AudioTranscriptDone.class),
          Map.entry(
              "conversation.item.input_audio_transcription.completed",
              RealtimeServerEvent.InputTranscriptionCompleted.class),
          Map.entry("input_audio_buffer.speech_started", RealtimeServerEvent.SpeechStarted.class),
          Map.entry("input_audio_buffer.speech_stopped", RealtimeServerEvent.SpeechStopped.class),
          Map.entry("response.output_item.done", RealtimeServerEvent.OutputItemDone.class),
          Map.entry("response.done", RealtimeServerEvent.ResponseDone.class),
          Map.entry("error", RealtimeServerEvent.Error.class));

  /** Events of the GA protocol that need no action here. */
  private static final Set<String> IGNORED =
      Set.of(
          "conversation.created",
          "conversation.item.created",
          "conversation.item.added",
          "conversation.item.done",
          "conversation.item.truncated",
          "conversation.item.deleted",
          "conversation.item.retrieved",
          "conversation.item.input_audio_transcription.delta",
          "conversation.item.input_audio_transcription.failed",
          "conversation.item.input_audio_transcription.segment",
          "input_audio_buffer.committed",
          "input_audio_buffer.cleared",
          "input_audio_buffer.timeout_triggered",
          "response.output_item.added",
          "response.content_part.added",
          "response.content_part.done",
          "response.output_audio_transcript.delta",
          "response.output_text.delta",
          "response.output_text.done",
          "response.function_call_arguments.delta",
          "response.function_call_arguments.done",
          "rate_limits.updated");

  private static final String AUDIO_DELTA = "response.output_audio.delta";

  /**
   * The {@code event_id} of every call's {@code session.update}: OpenAI names it in the {@code
   * error} that refuses the settings. One per socket, so one value serves every call.
   */
  public static final String SESSION_UPDATE_EVENT_ID = "knotty_session_update";

  private final ObjectMapper json;
  private final int maxFrameChars;

  public RealtimeCodec(ObjectMapper json, int maxFrameChars) {
    this.json = json;
    this.maxFrameChars = maxFrameChars;
  }

  public RealtimeServerEvent decode(String text) throws MalformedFrameException {
    if (text.length() > maxFrameChars) {
      throw new MalformedFrameException("event of " + text.length() + " characters", null);
    }
    Scan scan = scan(text);
    String type = scan.type();
    if (type.equals(AUDIO_DELTA)) {
      // the one event that arrives 50 times a second: built from the scan, no data-binding
      return new RealtimeServerEvent.AudioDelta(scan.responseId(), scan.itemId(), scan.delta());
    }
    Class<? extends RealtimeServerEvent> target = TYPES.get(type);
    if (target == null) {
      return IGNORED.contains(type)
          ? new RealtimeServerEvent.Ignored(type)
          : new RealtimeServerEvent.Unknown(type);
    }
    try {
      return json.readValue(text, target);
    } catch (JsonProcessingException e) {
      throw new MalformedFrameException("unreadable " + type + " event", e);
    }
  }

  private record Scan(String type, String responseId, String itemId, String delta) {}

  /**
   * One pass over the top-level fields with the streaming parser: the {@code type}, and the text
   * fields an audio delta needs. Nothing else is kept.
   */
  private Scan scan(String text) throws MalformedFrameException {
    String type = null;
    String responseId = null;
    String itemId = null;
    String delta = null;
    try (JsonParser parser = json.getFactory().createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedFrameException("event is not a JSON object", null);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value != JsonToken.VALUE_STRING) {
          parser.skipChildren();
          continue;
        }
        switch (field) {
          case "type" -> type = parser.getText();
          case "response_id" -> responseId = parser.getText();
          case "item_id" -> itemId = parser.getText();
          case "delta" -> delta = parser.getText();
          default -> {}
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT) {
        throw new MalformedFrameException("unterminated event", null);
      }
    } catch (IOException e) {
      throw new MalformedFrameException("not a JSON event", e);
    }
    if (type == null) {
      throw new MalformedFrameException("event without a type", null);
    }
    return new Scan(type, responseId, itemId, delta);
  }

  /** {@code input_audio_buffer.append} with Twilio's payload, built without a tree. */
  public static String append(String base64Audio) {
    return new StringBuilder(base64Audio.length() + 48)
        .append("{\"type\":\"input_audio_buffer.append\",\"audio\":\"")
        .append(base64Audio)
        .append("\"}")
        .toString();
  }

  /** Bytes of audio in a base64 text, without decoding it. */
  public static int decodedLength(String base64) {
    int length = base64.length();
    int padding = 0;
    if (length > 0 && base64.charAt(length - 1) == '=') {
      padding++;
      if (length > 1 && base64.charAt(length - 2) == '=') {
        padding++;
      }
    }
    return length / 4 * 3 - padding;
  }

  /** The event types decoded into records (the audio delta aside): for the codec's tests. */
  static Set<String> decodedTypes() {
    return TYPES.keySet();
  }

  /** {@code session.update} with {@link #SESSION_UPDATE_EVENT_ID}, so a refusal can be told. */
  public String sessionUpdate(Map<String, Object> session) {
    return write(
        Map.of("type", "session.update", "event_id", SESSION_UPDATE_EVENT_ID, "session", session));
  }

  /**
   * Asks for a reply under the session's settings and instructions. Nothing per reply: a reply's
   * own {@code instructions} would replace the persona's for that reply, so a nudge goes in as a
   * {@link #systemMessage} first.
   */
  public String responseCreate() {
    return "{\"type\":\"response.create\"}";
  }

  public String functionCallOutput(String callId, String output) {
    return write(
        Map.of(
            "type",
            "conversation.item.create",
            "item",
            Map.of("type", "function_call_output", "call_id", callId, "output", output)));
  }

  /** A system message added to the conversation (context the model should know). */
  public String systemMessage(String text) {
    return write(
        Map.of(
            "type",
            "conversation.item.create",
            "item",
            Map.of(
                "type",
                "message",
                "role",
                "system",
                "content",
                List.of(Map.of("type", "input_text", "text", text)))));
  }

  public String truncate(String itemId, long audioEndMs) {
    return write(
        Map.of(
            "type",
            "conversation.item.truncate",
            "item_id",
            itemId,
            "content_index",
            0,
            "audio_end_ms",
            audioEndMs));
  }

  public String write(Object event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode a Realtime client event", e);
    }
  }
}
