package com.masseurmatch.waitlist.bridge.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Media Streams frames as Twilio sends them ({@code connected}, {@code start}, inbound {@code
 * media}, {@code mark} echoes, {@code stop}), for the bridge's own synthetic calls: the other half
 * of {@link TwilioCodec}'s wire format.
 */
public final class TwilioSideFrames {

  private final ObjectMapper json;

  public TwilioSideFrames(ObjectMapper json) {
    this.json = json;
  }

  public String connected() {
    ObjectNode frame = json.createObjectNode();
    frame.put("event", "connected").put("protocol", "Call").put("version", "1.0.0");
    return write(frame);
  }

  public String start(String streamSid, String callSid, Map<String, String> parameters) {
    ObjectNode frame = json.createObjectNode();
    frame.put("event", "start").put("streamSid", streamSid);
    ObjectNode start = frame.putObject("start");
    start.put("streamSid", streamSid).put("callSid", callSid);
    ObjectNode custom = start.putObject("customParameters");
    parameters.forEach(custom::put);
    start
        .putObject("mediaFormat")
        .put("encoding", "audio/x-mulaw")
        .put("sampleRate", 8000)
        .put("channels", 1);
    return write(frame);
  }

  /** The caller's audio: chunk {@code chunk}, {@code timestampMs} into the stream. */
  public String media(String streamSid, long chunk, long timestampMs, String base64Payload) {
    ObjectNode frame = json.createObjectNode();
    frame.put("event", "media").put("streamSid", streamSid);
    frame
        .putObject("media")
        .put("track", "inbound")
        .put("chunk", Long.toString(chunk))
        .put("timestamp", Long.toString(timestampMs))
        .put("payload", base64Payload);
    return write(frame);
  }

  /** The echo of a mark whose audio has played. */
  public String mark(String streamSid, String name) {
    return TwilioCodec.mark(streamSid, name);
  }

  public String stop(String streamSid, String callSid) {
    ObjectNode frame = json.createObjectNode();
    frame.put("event", "stop").put("streamSid", streamSid);
    frame.putObject("stop").put("callSid", callSid);
    return write(frame);
  }

  private String write(ObjectNode frame) {
    try {
      return json.writeValueAsString(frame);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode a Media Streams frame", e);
    }
  }
}
