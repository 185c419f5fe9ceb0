package com.masseurmatch.waitlist.bridge.twilio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * The only place that knows Twilio's Media Streams wire format: decodes inbound frames into {@link
 * TwilioMessage}s and writes outbound {@code media}, {@code mark} and {@code clear}.
 */
public final class TwilioCodec {

  private final ObjectMapper json;
  private final int maxFrameChars;

  public TwilioCodec(ObjectMapper json, int maxFrameChars) {
    this.json = json;
    this.maxFrameChars = maxFrameChars;
  }

  public TwilioMessage decode(String text) throws MalformedFrameException {
    if (text.length() > maxFrameChars) {
      throw new MalformedFrameException("frame of " + text.length() + " characters", null);
    }
    Frame frame;
    try {
      frame = json.readValue(text, Frame.class);
    } catch (JsonProcessingException e) {
      throw new MalformedFrameException("not a Media Streams JSON frame", e);
    }
    if (frame.event() == null) {
      throw new MalformedFrameException("frame without an event", null);
    }
    return switch (frame.event()) {
      case "connected" -> new TwilioMessage.Connected(frame.protocol(), frame.version());
      case "start" -> start(frame);
      case "media" -> media(frame);
      case "dtmf" -> new TwilioMessage.Dtmf(require(frame.dtmf(), "dtmf").digit());
      case "mark" -> new TwilioMessage.Mark(require(require(frame.mark(), "mark").name(), "name"));
      case "stop" -> new TwilioMessage.Stop(frame.stop() == null ? null : frame.stop().callSid());
      default -> new TwilioMessage.Unknown(frame.event());
    };
  }

  private static TwilioMessage.Start start(Frame frame) throws MalformedFrameException {
    StartBody start = require(frame.start(), "start");
    String streamSid = start.streamSid() != null ? start.streamSid() : frame.streamSid();
    MediaFormat format = start.mediaFormat();
    return new TwilioMessage.Start(
        require(streamSid, "streamSid"),
        start.accountSid(),
        require(start.callSid(), "callSid"),
        start.customParameters() == null ? Map.of() : start.customParameters(),
        format == null ? null : format.encoding(),
        format == null || format.sampleRate() == null ? 8000 : format.sampleRate());
  }

  private static TwilioMessage.Media media(Frame frame) throws MalformedFrameException {
    MediaBody media = require(frame.media(), "media");
    long timestamp;
    try {
      timestamp = media.timestamp() == null ? 0 : Long.parseLong(media.timestamp());
    } catch (NumberFormatException e) {
      throw new MalformedFrameException("media timestamp is not a number", e);
    }
    return new TwilioMessage.Media(timestamp, require(media.payload(), "payload"));
  }

  private static <T> T require(T value, String field) throws MalformedFrameException {
    if (value == null) {
      throw new MalformedFrameException("missing " + field, null);
    }
    return value;
  }

  /** {@code {"event":"media","streamSid":...,"media":{"payload":...}}}, built without a tree. */
  public static String media(String streamSid, String base64Payload) {
    return new StringBuilder(base64Payload.length() + 80)
        .append("{\"event\":\"media\",\"streamSid\":\"")
        .append(escape(streamSid))
        .append("\",\"media\":{\"payload\":\"")
        .append(escape(base64Payload))
        .append("\"}}")
        .toString();
  }

  public static String mark(String streamSid, String name) {
    return "{\"event\":\"mark\",\"streamSid\":\""
        + escape(streamSid)
        + "\",\"mark\":{\"name\":\""
        + escape(name)
        + "\"}}";
  }

  public static String clear(String streamSid) {
    return "{\"event\":\"clear\",\"streamSid\":\"" + escape(streamSid) + "\"}";
  }

  /** JSON string escaping; base64 and SIDs never need it, so the common case copies nothing. */
  static String escape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        return escapeFrom(value, i);
      }
    }
    return value;
  }

  private static String escapeFrom(String value, int start) {
    StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, start);
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Frame(
      String event,
      String protocol,
      String version,
      String streamSid,
      StartBody start,
      MediaBody media,
      DtmfBody dtmf,
      MarkBody mark,
      StopBody stop) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record StartBody(
      String streamSid,
      String accountSid,
      String callSid,
      Map<String, String> customParameters,
      MediaFormat mediaFormat) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MediaFormat(String encoding, Integer sampleRate) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MediaBody(String track, String chunk, String timestamp, String payload) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record DtmfBody(String track, String digit) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MarkBody(String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record StopBody(String accountSid, String callSid) {}
}
