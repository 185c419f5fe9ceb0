package com.masseurmatch.waitlist.bridge.twilio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.bridge.frame.MalformedFrameException;
import java.io.IOException;
import java.util.HashMap;
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

  /**
   * Reads one frame with Jackson's streaming parser: a media frame arrives 50 times a second per
   * call, so no tree or bean is built for it; only {@code start}'s body is data-bound.
   */
  public TwilioMessage decode(String text) throws MalformedFrameException {
    if (text.length() > maxFrameChars) {
      throw new MalformedFrameException("frame of " + text.length() + " characters", null);
    }
    Frame frame;
    try (JsonParser parser = json.getFactory().createParser(text)) {
      frame = read(parser);
    } catch (IOException e) {
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

  private Frame read(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new JsonParseException(parser, "a frame is a JSON object");
    }
    String event = null;
    String protocol = null;
    String version = null;
    String streamSid = null;
    StartBody start = null;
    MediaBody media = null;
    DtmfBody dtmf = null;
    MarkBody mark = null;
    StopBody stop = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "event" -> event = text(parser, value);
        case "protocol" -> protocol = text(parser, value);
        case "version" -> version = text(parser, value);
        case "streamSid" -> streamSid = text(parser, value);
        case "start" ->
            start = value == JsonToken.VALUE_NULL ? null : parser.readValueAs(StartBody.class);
        case "media" -> {
          Map<String, String> fields = strings(parser, value);
          media =
              fields == null
                  ? null
                  : new MediaBody(
                      fields.get("track"),
                      fields.get("chunk"),
                      fields.get("timestamp"),
                      fields.get("payload"));
        }
        case "dtmf" -> {
          Map<String, String> fields = strings(parser, value);
          dtmf = fields == null ? null : new DtmfBody(fields.get("track"), fields.get("digit"));
        }
        case "mark" -> {
          Map<String, String> fields = strings(parser, value);
          mark = fields == null ? null : new MarkBody(fields.get("name"));
        }
        case "stop" -> {
          Map<String, String> fields = strings(parser, value);
          stop =
              fields == null ? null : new StopBody(fields.get("accountSid"), fields.get("callSid"));
        }
        default -> parser.skipChildren();
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw new JsonParseException(parser, "unterminated frame");
    }
    return new Frame(event, protocol, version, streamSid, start, media, dtmf, mark, stop);
  }

  private static String text(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!value.isScalarValue()) {
      throw new JsonParseException(parser, "expected a text value");
    }
    return parser.getText();
  }

  /** The scalar fields of a small nested object, as text; nested structures are skipped. */
  private static Map<String, String> strings(JsonParser parser, JsonToken value)
      throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_OBJECT) {
      throw new JsonParseException(parser, "expected an object");
    }
    Map<String, String> fields = new HashMap<>(8);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken token = parser.nextToken();
      if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
        fields.put(field, parser.getText());
      } else {
        parser.skipChildren();
      }
    }
    return fields;
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
        format == null || format.sampleRate() == null ? 0 : format.sampleRate(),
        format == null || format.channels() == null ? 0 : format.channels());
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
  record MediaFormat(String encoding, Integer sampleRate, Integer channels) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MediaBody(String track, String chunk, String timestamp, String payload) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record DtmfBody(String track, String digit) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MarkBody(String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record StopBody(String accountSid, String callSid) {}
}
