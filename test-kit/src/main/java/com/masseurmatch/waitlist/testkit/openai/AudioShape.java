package com.masseurmatch.waitlist.testkit.openai;

import static com.masseurmatch.waitlist.testkit.openai.Refusal.firstOf;
import static com.masseurmatch.waitlist.testkit.openai.Refusal.invalidType;
import static com.masseurmatch.waitlist.testkit.openai.Refusal.oneOf;
import static com.masseurmatch.waitlist.testkit.openai.Refusal.text;
import static com.masseurmatch.waitlist.testkit.openai.Refusal.unknown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code audio} part of a GA session update as the server judges it: formats, voices, turn
 * detection, transcription models, noise reduction; names and values as in the official SDK's types
 * ({@code src/openai/types/realtime/realtime_audio_*.py}, {@code audio_transcription.py}).
 */
final class AudioShape {

  static final List<String> VOICES =
      List.of(
          "alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar");
  static final List<String> TRANSCRIPTION_MODELS =
      List.of(
          "whisper-1",
          "gpt-transcribe",
          "gpt-live-transcribe",
          "gpt-4o-mini-transcribe",
          "gpt-4o-mini-transcribe-2025-12-15",
          "gpt-4o-transcribe",
          "gpt-4o-transcribe-diarize",
          "gpt-realtime-whisper");
  static final List<String> FORMATS = List.of("audio/pcm", "audio/pcmu", "audio/pcma");

  private static final Map<String, Set<String>> TURN_DETECTION =
      Map.of(
          "server_vad",
          Set.of(
              "type",
              "create_response",
              "interrupt_response",
              "idle_timeout_ms",
              "prefix_padding_ms",
              "silence_duration_ms",
              "threshold"),
          "semantic_vad",
          Set.of("type", "create_response", "interrupt_response", "eagerness"));
  private static final Set<String> TRANSCRIPTION =
      Set.of("model", "language", "languages", "prompt", "keywords", "delay");

  private AudioShape() {}

  static Refusal input(JsonNode input) {
    if (input == null) {
      return null;
    }
    String at = "session.audio.input";
    Refusal refusal =
        firstOf(
            unknown(
                input, Set.of("format", "transcription", "turn_detection", "noise_reduction"), at),
            format(input.get("format"), at + ".format"));
    if (refusal != null) {
      return refusal;
    }
    JsonNode noise = input.get("noise_reduction");
    if (noise != null && !noise.isNull()) {
      refusal =
          oneOf(
              noise.get("type"), List.of("near_field", "far_field"), at + ".noise_reduction.type");
    }
    JsonNode transcription = input.get("transcription");
    if (refusal == null && transcription != null && !transcription.isNull()) {
      refusal =
          firstOf(
              unknown(transcription, TRANSCRIPTION, at + ".transcription"),
              transcription.has("model")
                  ? oneOf(
                      transcription.get("model"), TRANSCRIPTION_MODELS, at + ".transcription.model")
                  : null,
              text(transcription.get("language"), at + ".transcription.language"));
    }
    return refusal != null ? refusal : turnDetection(input.get("turn_detection"), at);
  }

  private static Refusal turnDetection(JsonNode vad, String input) {
    if (vad == null || vad.isNull()) {
      return null;
    }
    String at = input + ".turn_detection";
    Refusal refusal = oneOf(vad.get("type"), List.of("server_vad", "semantic_vad"), at + ".type");
    if (refusal != null) {
      return refusal;
    }
    refusal = unknown(vad, TURN_DETECTION.get(vad.get("type").asText()), at);
    if (refusal == null && vad.has("eagerness")) {
      refusal =
          oneOf(vad.get("eagerness"), List.of("low", "medium", "high", "auto"), at + ".eagerness");
    }
    if (refusal == null && vad.has("threshold")) {
      double threshold = vad.get("threshold").asDouble(-1);
      if (!vad.get("threshold").isNumber() || threshold < 0 || threshold > 1) {
        refusal =
            new Refusal(
                "invalid_value",
                "Invalid '" + at + ".threshold': expected a number from 0.0 to 1.0.",
                at + ".threshold");
      }
    }
    for (String flag : List.of("create_response", "interrupt_response")) {
      if (refusal == null && vad.has(flag) && !vad.get(flag).isBoolean()) {
        refusal = invalidType(at + "." + flag, "a boolean", vad.get(flag));
      }
    }
    return refusal;
  }

  static Refusal output(JsonNode output, ObjectNode current, boolean audioSent) {
    if (output == null) {
      return null;
    }
    String at = "session.audio.output";
    Refusal refusal =
        firstOf(
            unknown(output, Set.of("format", "voice", "speed"), at),
            format(output.get("format"), at + ".format"));
    if (refusal != null || !output.has("voice")) {
      return refusal;
    }
    JsonNode voice = output.get("voice");
    if (!voice.isObject()) {
      refusal = oneOf(voice, VOICES, at + ".voice");
    } else if (!voice.path("id").isTextual()) {
      refusal = invalidType(at + ".voice.id", "a string", voice.path("id"));
    }
    if (refusal == null
        && audioSent
        && !voice.equals(current.path("audio").path("output").path("voice"))) {
      refusal =
          new Refusal(
              "invalid_value",
              "Cannot update a conversation's voice if assistant audio is present.",
              at + ".voice");
    }
    return refusal;
  }

  private static Refusal format(JsonNode format, String at) {
    if (format == null) {
      return null;
    }
    if (!format.isObject()) {
      return invalidType(at, "an object", format);
    }
    Refusal refusal = oneOf(format.get("type"), FORMATS, at + ".type");
    if (refusal != null) {
      return refusal;
    }
    if (!format.path("type").asText().equals("audio/pcm")) {
      return unknown(format, Set.of("type"), at);
    }
    Refusal unknown = unknown(format, Set.of("type", "rate"), at);
    if (unknown != null || !format.has("rate") || format.get("rate").asInt() == 24000) {
      return unknown;
    }
    return new Refusal("invalid_value", "Invalid value for '" + at + ".rate'.", at + ".rate");
  }
}
