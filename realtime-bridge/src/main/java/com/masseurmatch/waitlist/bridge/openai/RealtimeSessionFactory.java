package com.masseurmatch.waitlist.bridge.openai;

import com.masseurmatch.waitlist.bridge.config.KnottyLanguagesConfig;
import com.masseurmatch.waitlist.bridge.config.OpenAiConfig;
import com.masseurmatch.waitlist.model.experiment.VariantSettings;
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
 * language's stored prompt or its instructions (with the brand and assistant names filled in). An
 * experiment variant's settings go on top: each one it names replaces the language's or the
 * configured value.
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
    return session(language, VariantSettings.NONE);
  }

  /** The Realtime model a variant's session runs on. */
  public String model(VariantSettings variant) {
    return or(variant.realtimeModel(), config.realtimeModel());
  }

  /**
   * The session in {@code language} with a variant's settings in place of the language's and the
   * configured ones.
   *
   * @throws IllegalArgumentException when the variant's instructions file does not exist
   */
  public Map<String, Object> session(Language language, VariantSettings variant) {
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
    session.put("model", model(variant));
    session.put("output_modalities", List.of("audio"));
    if (variant.promptId() != null) {
      session.put(
          "prompt", prompt(variant.promptId(), Optional.ofNullable(variant.promptVersion())));
    } else if (variant.instructionsFile() != null) {
      session.put("instructions", named(Resources.text("/prompts/" + variant.instructionsFile())));
    } else if (promptId.isPresent()) {
      session.put("prompt", prompt(promptId.get(), promptVersion));
    } else {
      session.put("instructions", instructions(language, own));
    }
    if (variant.maxOutputTokens() != null) {
      session.put("max_output_tokens", variant.maxOutputTokens());
    }
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("format", PCMU);
    input.put(
        "transcription", Map.of("model", config.transcriptionModel(), "language", transcription));
    input.put("turn_detection", turnDetection(variant));
    session.put(
        "audio",
        Map.of(
            "input", input, "output", Map.of("format", PCMU, "voice", or(variant.voice(), voice))));
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
    return named(text);
  }

  private String named(String text) {
    return text.replace("{brand}", brand.name()).replace("{assistant}", brand.assistant());
  }

  /** The built-in prompts, one per language: {@code /prompts/knotty_<code>.txt}. */
  public static final String PROMPTS = "/prompts/knotty_";

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
