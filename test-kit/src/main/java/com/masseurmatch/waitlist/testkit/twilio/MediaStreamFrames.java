package com.masseurmatch.waitlist.testkit.twilio;

import java.util.Map;

/**
 * Twilio's Media Streams wire format as Twilio writes it (docs/protocols/twilio.md): the frames a
 * simulated call sends, and the few fields it reads from what the bridge sends back.
 */
public final class MediaStreamFrames {

  private MediaStreamFrames() {}

  public static String connected() {
    return "{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}";
  }

  public static String start(
      String accountSid, String callSid, String streamSid, Map<String, String> parameters) {
    StringBuilder custom = new StringBuilder();
    parameters.forEach(
        (name, value) -> {
          if (custom.length() > 0) {
            custom.append(',');
          }
          custom.append('"').append(escape(name)).append("\":\"").append(escape(value)).append('"');
        });
    return "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"streamSid\":\""
        + streamSid
        + "\",\"start\":{\"streamSid\":\""
        + streamSid
        + "\",\"accountSid\":\""
        + accountSid
        + "\",\"callSid\":\""
        + callSid
        + "\",\"tracks\":[\"inbound\"],\"customParameters\":{"
        + custom
        + "},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}}}";
  }

  /** One inbound chunk; {@code timestampMs} counts from the start of the stream. */
  public static String media(
      String streamSid, long sequence, long chunk, long timestampMs, String payload) {
    return new StringBuilder(payload.length() + 160)
        .append("{\"event\":\"media\",\"sequenceNumber\":\"")
        .append(sequence)
        .append("\",\"streamSid\":\"")
        .append(streamSid)
        .append("\",\"media\":{\"track\":\"inbound\",\"chunk\":\"")
        .append(chunk)
        .append("\",\"timestamp\":\"")
        .append(timestampMs)
        .append("\",\"payload\":\"")
        .append(payload)
        .append("\"}}")
        .toString();
  }

  public static String mark(String streamSid, long sequence, String name) {
    return "{\"event\":\"mark\",\"sequenceNumber\":\""
        + sequence
        + "\",\"streamSid\":\""
        + streamSid
        + "\",\"mark\":{\"name\":\""
        + escape(name)
        + "\"}}";
  }

  public static String dtmf(String streamSid, long sequence, String digit) {
    return "{\"event\":\"dtmf\",\"sequenceNumber\":\""
        + sequence
        + "\",\"streamSid\":\""
        + streamSid
        + "\",\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\""
        + escape(digit)
        + "\"}}";
  }

  public static String stop(String accountSid, String callSid, String streamSid, long sequence) {
    return "{\"event\":\"stop\",\"sequenceNumber\":\""
        + sequence
        + "\",\"streamSid\":\""
        + streamSid
        + "\",\"stop\":{\"accountSid\":\""
        + accountSid
        + "\",\"callSid\":\""
        + callSid
        + "\"}}";
  }

  /** What the bridge sent: {@code media}, {@code mark}, {@code clear} or something else. */
  public enum Outbound {
    MEDIA,
    MARK,
    CLEAR,
    OTHER
  }

  public static Outbound kind(String frame) {
    if (frame.contains("\"event\":\"media\"")) {
      return Outbound.MEDIA;
    }
    if (frame.contains("\"event\":\"mark\"")) {
      return Outbound.MARK;
    }
    if (frame.contains("\"event\":\"clear\"")) {
      return Outbound.CLEAR;
    }
    return Outbound.OTHER;
  }

  /** The base64 {@code media.payload} of an outbound media frame, or null. */
  public static String payload(String frame) {
    return stringField(frame, "\"payload\":\"");
  }

  /** The {@code mark.name} of an outbound mark frame, or null. */
  public static String markName(String frame) {
    return stringField(frame, "\"name\":\"");
  }

  private static String stringField(String frame, String prefix) {
    int from = frame.indexOf(prefix);
    if (from < 0) {
      return null;
    }
    from += prefix.length();
    int to = frame.indexOf('"', from);
    return to < 0 ? null : frame.substring(from, to);
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
