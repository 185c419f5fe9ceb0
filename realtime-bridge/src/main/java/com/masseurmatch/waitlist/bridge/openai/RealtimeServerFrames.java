package com.masseurmatch.waitlist.bridge.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenAI Realtime's server side of the wire format, for the bridge's loopback stand-in: reads the
 * client events the bridge sends and writes the server events it expects. The other half of {@link
 * RealtimeCodec}.
 */
public final class RealtimeServerFrames {

  /** A client event: its {@code type} and, for {@code input_audio_buffer.append}, the audio. */
  public record ClientEvent(String type, String audio) {}

  private final ObjectMapper json;

  public RealtimeServerFrames(ObjectMapper json) {
    this.json = json;
  }

  /** The client event in {@code text}; type null when it is not a JSON object with a type. */
  public ClientEvent read(String text) {
    try {
      JsonNode event = json.readTree(text);
      return new ClientEvent(event.path("type").asText(null), event.path("audio").asText(null));
    } catch (JsonProcessingException e) {
      return new ClientEvent(null, null);
    }
  }

  public String sessionCreated(String sessionId) {
    return write(Map.of("type", "session.created", "session", Map.of("id", sessionId)));
  }

  /** The confirmation the bridge waits for: u-law audio both ways. */
  public String sessionUpdated(String sessionId) {
    Map<String, Object> pcmu = Map.of("format", Map.of("type", "audio/pcmu"));
    return write(
        Map.of(
            "type",
            "session.updated",
            "session",
            Map.of("id", sessionId, "audio", Map.of("input", pcmu, "output", pcmu))));
  }

  public String responseCreated(String responseId) {
    return write(Map.of("type", "response.created", "response", Map.of("id", responseId)));
  }

  public String responseDone(String responseId) {
    return write(
        Map.of(
            "type", "response.done", "response", Map.of("id", responseId, "status", "completed")));
  }

  /** A delta of the assistant's audio. */
  public String audioDelta(String responseId, String itemId, String base64Audio) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "response.output_audio.delta");
    event.put("response_id", responseId);
    event.put("item_id", itemId);
    event.put("output_index", 0);
    event.put("content_index", 0);
    event.put("delta", base64Audio);
    return write(event);
  }

  private String write(Object event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode a Realtime server event", e);
    }
  }
}
