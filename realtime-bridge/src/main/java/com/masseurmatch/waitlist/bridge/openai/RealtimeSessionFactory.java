package com.masseurmatch.waitlist.bridge.openai;

import com.masseurmatch.waitlist.bridge.config.OpenAiConfig;
import com.masseurmatch.waitlist.model.experiment.VariantSettings;
import com.masseurmatch.waitlist.model.text.Resources;
import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds Knotty's {@code session.update} (GA shape): u-law both ways, voice, turn detection,
 * transcription, the two tools, and either the stored prompt or the built-in instructions; an
 * experiment variant's settings replace the configured ones they name.
 */
public final class RealtimeSessionFactory {

  public static final String SAVE_TOOL = SaveWaitlistEntryTool.NAME;
  public static final String END_CALL_TOOL = "end_call";

  private static final Map<String, Object> PCMU = Map.of("type", "audio/pcmu");

  private final OpenAiConfig config;
  private final String instructions;

  public RealtimeSessionFactory(OpenAiConfig config) {
    this.config = config;
    this.instructions = Resources.text("/prompts/knotty.txt");
  }

  public Map<String, Object> session() {
    return session(VariantSettings.NONE);
  }

  /** The Realtime model a variant's session runs on. */
  public String model(VariantSettings variant) {
    return or(variant.realtimeModel(), config.realtimeModel());
  }

  /**
   * The session with a variant's settings in place of the configured ones.
   *
   * @throws IllegalArgumentException when the variant's instructions file does not exist
   */
  public Map<String, Object> session(VariantSettings variant) {
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("type", "realtime");
    session.put("model", model(variant));
    session.put("output_modalities", List.of("audio"));
    if (variant.promptId() != null) {
      session.put(
          "prompt", prompt(variant.promptId(), Optional.ofNullable(variant.promptVersion())));
    } else if (variant.instructionsFile() != null) {
      session.put("instructions", Resources.text("/prompts/" + variant.instructionsFile()));
    } else if (config.promptId().isPresent()) {
      session.put("prompt", prompt(config.promptId().get(), config.promptVersion()));
    } else {
      session.put("instructions", instructions);
    }
    if (variant.maxOutputTokens() != null) {
      session.put("max_output_tokens", variant.maxOutputTokens());
    }
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("format", PCMU);
    input.put("transcription", Map.of("model", config.transcriptionModel()));
    input.put("turn_detection", turnDetection(variant));
    session.put(
        "audio",
        Map.of(
            "input",
            input,
            "output",
            Map.of("format", PCMU, "voice", or(variant.voice(), config.voice()))));
    session.put("tools", List.of(saveTool(), endCallTool()));
    session.put("tool_choice", "auto");
    return session;
  }

  private static Map<String, Object> prompt(String id, Optional<String> version) {
    Map<String, Object> prompt = new LinkedHashMap<>();
    prompt.put("id", id);
    version.ifPresent(v -> prompt.put("version", v));
    return prompt;
  }

  private static String or(String chosen, String configured) {
    return chosen != null ? chosen : configured;
  }

  private Map<String, Object> turnDetection(VariantSettings variant) {
    OpenAiConfig.TurnDetection vad = config.turnDetection();
    String type = or(variant.turnDetection(), vad.type());
    Map<String, Object> detection = new LinkedHashMap<>();
    detection.put("type", type);
    if (type.equals("semantic_vad")) {
      detection.put("eagerness", or(variant.eagerness(), vad.eagerness()));
    } else {
      detection.put("threshold", vad.threshold());
      detection.put("prefix_padding_ms", vad.prefixPaddingMs());
      detection.put("silence_duration_ms", vad.silenceDurationMs());
    }
    detection.put("create_response", true);
    detection.put("interrupt_response", true);
    return detection;
  }

  private static Map<String, Object> saveTool() {
    return Map.of(
        "type",
        "function",
        "name",
        SAVE_TOOL,
        "description",
        SaveWaitlistEntryTool.DESCRIPTION,
        "parameters",
        SaveWaitlistEntryTool.parameters());
  }

  private static Map<String, Object> endCallTool() {
    return Map.of(
        "type",
        "function",
        "name",
        END_CALL_TOOL,
        "description",
        "Hang up after you have said goodbye.",
        "parameters",
        Map.of("type", "object", "properties", Map.of(), "additionalProperties", false));
  }
}
