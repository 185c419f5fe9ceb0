package com.masseurmatch.waitlist.model.experiment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one variant of an experiment changes in Knotty's set-up; a null field keeps the service's
 * configured value. {@link #parse} is the one place that decides which keys and values are allowed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record VariantSettings(
    @JsonProperty("realtime_model") String realtimeModel,
    @JsonProperty("voice") String voice,
    @JsonProperty("prompt_id") String promptId,
    @JsonProperty("prompt_version") String promptVersion,
    @JsonProperty("instructions_file") String instructionsFile,
    @JsonProperty("turn_detection") String turnDetection,
    @JsonProperty("eagerness") String eagerness,
    @JsonProperty("max_output_tokens") Integer maxOutputTokens,
    @JsonProperty("chat_model") String chatModel) {

  public static final VariantSettings NONE =
      new VariantSettings(null, null, null, null, null, null, null, null, null);

  /** The Realtime API's voices for GA Realtime models. */
  public static final Set<String> VOICES =
      Set.of(
          "alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar");

  public static final Set<String> TURN_DETECTIONS = Set.of("server_vad", "semantic_vad");
  public static final Set<String> EAGERNESS = Set.of("low", "medium", "high", "auto");

  /** Largest {@code max_output_tokens} the Realtime API takes. */
  public static final int MAX_OUTPUT_TOKENS = 4096;

  private static final Pattern PROMPT_ID = Pattern.compile("pmpt_[A-Za-z0-9]{8,64}");
  private static final Pattern PROMPT_VERSION = Pattern.compile("[0-9]{1,6}");
  private static final Pattern INSTRUCTIONS_FILE =
      Pattern.compile("[a-z0-9][a-z0-9_-]{0,60}\\.txt");

  /**
   * A variant's {@code settings} object from the admin API, checked: unknown keys, values of the
   * wrong type and values outside the allowed ones are refused naming the field.
   */
  public static VariantSettings parse(String prefix, Map<String, ?> raw) {
    if (raw == null) {
      return NONE;
    }
    Fields fields = new Fields(prefix, raw);
    String realtimeModel = fields.oneOf("realtime_model", ModelPrices.REALTIME.keySet());
    String voice = fields.oneOf("voice", VOICES);
    String promptId = fields.matching("prompt_id", PROMPT_ID, "a stored prompt id (pmpt_...)");
    String promptVersion = fields.matching("prompt_version", PROMPT_VERSION, "a version number");
    String instructionsFile =
        fields.matching(
            "instructions_file", INSTRUCTIONS_FILE, "a file name like knotty-short.txt");
    String turnDetection = fields.oneOf("turn_detection", TURN_DETECTIONS);
    String eagerness = fields.oneOf("eagerness", EAGERNESS);
    Integer maxOutputTokens = fields.integer("max_output_tokens", 1, MAX_OUTPUT_TOKENS);
    String chatModel = fields.oneOf("chat_model", ModelPrices.CHAT.keySet());
    fields.refuseUnknown();
    if (promptVersion != null && promptId == null) {
      throw new InvalidExperimentException(
          prefix + "prompt_version", "needs prompt_id in the same settings");
    }
    if (promptId != null && instructionsFile != null) {
      throw new InvalidExperimentException(
          prefix + "instructions_file", "cannot be combined with prompt_id");
    }
    if (eagerness != null && !"semantic_vad".equals(turnDetection)) {
      throw new InvalidExperimentException(
          prefix + "eagerness", "applies only with turn_detection semantic_vad");
    }
    return new VariantSettings(
        realtimeModel,
        voice,
        promptId,
        promptVersion,
        instructionsFile,
        turnDetection,
        eagerness,
        maxOutputTokens,
        chatModel);
  }

  /** The settings as the admin API shows them. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    put(map, "realtime_model", realtimeModel);
    put(map, "voice", voice);
    put(map, "prompt_id", promptId);
    put(map, "prompt_version", promptVersion);
    put(map, "instructions_file", instructionsFile);
    put(map, "turn_detection", turnDetection);
    put(map, "eagerness", eagerness);
    put(map, "max_output_tokens", maxOutputTokens);
    put(map, "chat_model", chatModel);
    return map;
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** Reads typed values out of the raw object, remembering which keys were used. */
  private static final class Fields {
    private final String prefix;
    private final Map<String, ?> raw;
    private final Set<String> used = new java.util.HashSet<>();

    Fields(String prefix, Map<String, ?> raw) {
      this.prefix = prefix;
      this.raw = raw;
    }

    String text(String key) {
      used.add(key);
      Object value = raw.get(key);
      if (value == null) {
        return null;
      }
      if (!(value instanceof String text) || text.isBlank()) {
        throw new InvalidExperimentException(prefix + key, "must be a non-empty string");
      }
      return text;
    }

    String oneOf(String key, Set<String> allowed) {
      String value = text(key);
      if (value != null && !allowed.contains(value)) {
        throw new InvalidExperimentException(
            prefix + key, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
      return value;
    }

    String matching(String key, Pattern pattern, String what) {
      String value = text(key);
      if (value != null && !pattern.matcher(value).matches()) {
        throw new InvalidExperimentException(prefix + key, "must be " + what);
      }
      return value;
    }

    Integer integer(String key, int min, int max) {
      used.add(key);
      Object value = raw.get(key);
      if (value == null) {
        return null;
      }
      if (!(value instanceof Integer || value instanceof Long)
          || ((Number) value).longValue() < min
          || ((Number) value).longValue() > max) {
        throw new InvalidExperimentException(
            prefix + key, "must be a whole number from " + min + " to " + max);
      }
      return ((Number) value).intValue();
    }

    void refuseUnknown() {
      for (String key : new java.util.TreeSet<>(raw.keySet())) {
        if (!used.contains(key)) {
          throw new InvalidExperimentException(
              prefix + key, "is not a setting a variant may change");
        }
      }
    }
  }
}
