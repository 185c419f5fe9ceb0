package com.masseurmatch.waitlist.testkit.openai;

import static com.masseurmatch.waitlist.testkit.openai.Refusal.firstOf;
import static com.masseurmatch.waitlist.testkit.openai.Refusal.invalidType;
import static com.masseurmatch.waitlist.testkit.openai.Refusal.oneOf;
import static com.masseurmatch.waitlist.testkit.openai.Refusal.text;
import static com.masseurmatch.waitlist.testkit.openai.Refusal.unknown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The GA Realtime session as the server judges a {@code session.update}: the fields a {@code
 * realtime} session has (named and nested as in the GA reference and the official SDK's types), the
 * enumerations the fake enforces (audio formats, voices, turn detection, transcription models,
 * eagerness, noise reduction, modalities), the server's defaults, and how an accepted update
 * changes the session in effect (only the fields present; {@code audio} merged one level down).
 */
final class SessionShape {

  private static final Set<String> SESSION =
      Set.of(
          "type",
          "audio",
          "include",
          "instructions",
          "max_output_tokens",
          "model",
          "output_modalities",
          "parallel_tool_calls",
          "prompt",
          "reasoning",
          "tool_choice",
          "tools",
          "tracing",
          "truncation");
  private final ObjectMapper json;

  SessionShape(ObjectMapper json) {
    this.json = json;
  }

  /** The session OpenAI starts with, before any update: 24 kHz PCM both ways, server VAD. */
  ObjectNode defaults(String id, String model) {
    ObjectNode session = json.createObjectNode();
    session.put("type", "realtime").put("object", "realtime.session").put("id", id);
    session.put("model", model);
    session.putArray("output_modalities").add("audio");
    session.put("instructions", "You are a helpful assistant.");
    session.putArray("tools");
    session.put("tool_choice", "auto").put("max_output_tokens", "inf");
    session.putNull("tracing");
    session.putNull("prompt");
    session.put("truncation", "auto");
    ObjectNode input = session.putObject("audio").putObject("input");
    input.putObject("format").put("type", "audio/pcm").put("rate", 24000);
    input.putNull("transcription");
    input.putNull("noise_reduction");
    ObjectNode vad = input.putObject("turn_detection").put("type", "server_vad");
    vad.put("threshold", 0.5).put("prefix_padding_ms", 300).put("silence_duration_ms", 200);
    vad.putNull("idle_timeout_ms");
    vad.put("create_response", true).put("interrupt_response", true);
    ObjectNode output = ((ObjectNode) session.get("audio")).putObject("output");
    output.putObject("format").put("type", "audio/pcm").put("rate", 24000);
    output.put("voice", "alloy").put("speed", 1.0);
    return session;
  }

  /**
   * Judges an update against the session in effect.
   *
   * @param audioSent whether the model has already spoken in this session (the voice is then fixed)
   * @return null when the update is acceptable
   */
  Refusal judge(JsonNode update, ObjectNode current, boolean audioSent) {
    if (!update.isObject()) {
      return invalidType("session", "an object", update);
    }
    if (!update.has("type")) {
      return new Refusal(
          "missing_required_parameter",
          "Missing required parameter: 'session.type'.",
          "session.type");
    }
    Refusal refusal =
        firstOf(
            unknown(update, SESSION, "session"),
            oneOf(update.get("type"), List.of("realtime"), "session.type"),
            model(update.get("model"), current),
            text(update.get("instructions"), "session.instructions"),
            modalities(update.get("output_modalities")),
            prompt(update.get("prompt")),
            maxTokens(update.get("max_output_tokens")),
            tools(update.get("tools")),
            toolChoice(update.get("tool_choice")));
    if (refusal != null || !update.has("audio")) {
      return refusal;
    }
    JsonNode audio = update.get("audio");
    if (!audio.isObject()) {
      return invalidType("session.audio", "an object", audio);
    }
    return firstOf(
        unknown(audio, Set.of("input", "output"), "session.audio"),
        AudioShape.input(audio.get("input")),
        AudioShape.output(audio.get("output"), current, audioSent));
  }

  /** The session once {@code update} (already judged) is applied. */
  void apply(ObjectNode current, JsonNode update) {
    update
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getKey().equals("audio")) {
                ObjectNode audio = (ObjectNode) current.get("audio");
                field
                    .getValue()
                    .fields()
                    .forEachRemaining(
                        side -> ((ObjectNode) audio.get(side.getKey())).setAll(copy(side)));
              } else {
                current.set(field.getKey(), field.getValue().deepCopy());
              }
            });
  }

  private static ObjectNode copy(Map.Entry<String, JsonNode> side) {
    return (ObjectNode) side.getValue().deepCopy();
  }

  private static Refusal model(JsonNode model, ObjectNode current) {
    if (model == null) {
      return null;
    }
    if (!model.isTextual()) {
      return invalidType("session.model", "a string", model);
    }
    // the URL's model chose the session; an update may repeat it, not change it
    return model.asText().equals(current.path("model").asText())
        ? null
        : new Refusal(
            "invalid_value",
            "Cannot update a session's model once it has started.",
            "session.model");
  }

  private static Refusal modalities(JsonNode modalities) {
    if (modalities == null) {
      return null;
    }
    if (!modalities.isArray() || modalities.size() != 1) {
      return new Refusal(
          "invalid_value",
          "'output_modalities' must be either ['audio'] or ['text'].",
          "session.output_modalities");
    }
    return oneOf(modalities.get(0), List.of("audio", "text"), "session.output_modalities[0]");
  }

  private static Refusal prompt(JsonNode prompt) {
    if (prompt == null || prompt.isNull()) {
      return null;
    }
    if (!prompt.isObject()) {
      return invalidType("session.prompt", "an object", prompt);
    }
    if (!prompt.path("id").isTextual()) {
      return new Refusal(
          "missing_required_parameter",
          "Missing required parameter: 'session.prompt.id'.",
          "session.prompt.id");
    }
    return firstOf(
        unknown(prompt, Set.of("id", "version", "variables"), "session.prompt"),
        text(prompt.get("version"), "session.prompt.version"));
  }

  private static Refusal maxTokens(JsonNode max) {
    if (max == null || (max.isTextual() && max.asText().equals("inf"))) {
      return null;
    }
    if (!max.isInt() || max.asInt() < 1 || max.asInt() > 4096) {
      return new Refusal(
          "invalid_value",
          "Invalid 'session.max_output_tokens': expected an integer from 1 to 4096 or 'inf'.",
          "session.max_output_tokens");
    }
    return null;
  }

  private static Refusal tools(JsonNode tools) {
    if (tools == null) {
      return null;
    }
    if (!tools.isArray()) {
      return invalidType("session.tools", "an array", tools);
    }
    for (int i = 0; i < tools.size(); i++) {
      JsonNode tool = tools.get(i);
      String at = "session.tools[" + i + "]";
      Refusal refusal =
          firstOf(
              oneOf(tool.get("type"), List.of("function", "mcp"), at + ".type"),
              "function".equals(tool.path("type").asText())
                  ? unknown(tool, Set.of("type", "name", "description", "parameters"), at)
                  : null,
              text(tool.get("name"), at + ".name"),
              text(tool.get("description"), at + ".description"));
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  private static Refusal toolChoice(JsonNode choice) {
    if (choice == null || choice.isObject()) {
      return null;
    }
    return oneOf(choice, List.of("none", "auto", "required"), "session.tool_choice");
  }
}
