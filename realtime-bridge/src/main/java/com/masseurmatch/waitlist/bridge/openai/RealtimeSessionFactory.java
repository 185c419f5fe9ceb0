package com.masseurmatch.waitlist.bridge.openai;

import com.masseurmatch.waitlist.bridge.config.KnottyLanguagesConfig;
import com.masseurmatch.waitlist.bridge.config.OpenAiConfig;
import com.masseurmatch.waitlist.model.text.BrandConfig;
import com.masseurmatch.waitlist.model.text.Language;
import com.masseurmatch.waitlist.model.text.Resources;
import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds Knotty's {@code session.update} (GA shape) for a caller's language: u-law both ways, the
 * language's voice, turn detection, transcription in the language, the two tools, and either the
 * language's stored prompt or its instructions (with the brand and assistant names filled in).
 */
public final class RealtimeSessionFactory {

  public static final String SAVE_TOOL = SaveWaitlistEntryTool.NAME;
  public static final String END_CALL_TOOL = "end_call";

  private static final Map<String, Object> PCMU = Map.of("type", "audio/pcmu");

  private final OpenAiConfig config;
  private final KnottyLanguagesConfig languages;
  private final BrandConfig brand;

  public RealtimeSessionFactory(
      OpenAiConfig config, KnottyLanguagesConfig languages, BrandConfig brand) {
    this.config = config;
    this.languages = languages;
    this.brand = brand;
  }

  /** Knotty's session in English. */
  public Map<String, Object> session() {
    return session(Language.EN);
  }

  /** Knotty's session in {@code language}. */
  public Map<String, Object> session(Language language) {
    KnottyLanguagesConfig.Language own = languages.language().get(language.code());
    Optional<String> promptId = own == null ? Optional.empty() : own.promptId();
    Optional<String> promptVersion = own == null ? Optional.empty() : own.promptVersion();
    if (promptId.isEmpty() && language == Language.EN) {
      promptId = config.promptId();
      promptVersion = config.promptVersion();
    }
    String voice = own == null ? config.voice() : own.voice().orElse(config.voice());
    String transcription =
        own == null ? language.code() : own.transcriptionLanguage().orElse(language.code());
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("type", "realtime");
    session.put("model", config.realtimeModel());
    session.put("output_modalities", List.of("audio"));
    if (promptId.isPresent()) {
      Map<String, Object> prompt = new LinkedHashMap<>();
      prompt.put("id", promptId.get());
      promptVersion.ifPresent(version -> prompt.put("version", version));
      session.put("prompt", prompt);
    } else {
      session.put("instructions", instructions(language, own));
    }
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("format", PCMU);
    input.put(
        "transcription", Map.of("model", config.transcriptionModel(), "language", transcription));
    input.put("turn_detection", turnDetection());
    session.put("audio", Map.of("input", input, "output", Map.of("format", PCMU, "voice", voice)));
    session.put("tools", List.of(saveTool(), endCallTool()));
    session.put("tool_choice", "auto");
    return session;
  }

  /** The language's prompt file, or the built-in one, with the names filled in. */
  private String instructions(Language language, KnottyLanguagesConfig.Language own) {
    String text;
    Optional<String> file = own == null ? Optional.empty() : own.promptFile();
    if (file.isPresent()) {
      try {
        text = Files.readString(Path.of(file.get()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the prompt file " + file.get(), e);
      }
    } else {
      text = Resources.text(PROMPTS + language.code() + ".txt");
    }
    return text.replace("{brand}", brand.name()).replace("{assistant}", brand.assistant());
  }

  /** The built-in prompts, one per language: {@code /prompts/knotty_<code>.txt}. */
  public static final String PROMPTS = "/prompts/knotty_";

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
