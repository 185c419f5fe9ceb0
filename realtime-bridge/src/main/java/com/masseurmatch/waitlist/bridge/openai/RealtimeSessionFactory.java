package com.masseurmatch.waitlist.bridge.openai;

import com.masseurmatch.waitlist.bridge.config.OpenAiConfig;
import com.masseurmatch.waitlist.model.text.Resources;
import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Knotty's {@code session.update} (GA shape): u-law both ways, voice, turn detection,
 * transcription, the two tools, and either the stored prompt or the built-in instructions.
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
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("type", "realtime");
    session.put("model", config.realtimeModel());
    session.put("output_modalities", List.of("audio"));
    if (config.promptId().isPresent()) {
      Map<String, Object> prompt = new LinkedHashMap<>();
      prompt.put("id", config.promptId().get());
      config.promptVersion().ifPresent(version -> prompt.put("version", version));
      session.put("prompt", prompt);
    } else {
      session.put("instructions", instructions);
    }
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("format", PCMU);
    input.put("transcription", Map.of("model", config.transcriptionModel()));
    input.put("turn_detection", turnDetection());
    session.put(
        "audio", Map.of("input", input, "output", Map.of("format", PCMU, "voice", config.voice())));
    session.put("tools", List.of(saveTool(), endCallTool()));
    session.put("tool_choice", "auto");
    return session;
  }

  private Map<String, Object> turnDetection() {
    OpenAiConfig.TurnDetection vad = config.turnDetection();
    Map<String, Object> detection = new LinkedHashMap<>();
    detection.put("type", vad.type());
    if (vad.type().equals("semantic_vad")) {
      detection.put("eagerness", vad.eagerness());
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
