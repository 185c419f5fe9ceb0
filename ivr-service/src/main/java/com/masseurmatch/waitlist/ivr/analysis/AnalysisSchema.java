package com.masseurmatch.waitlist.ivr.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.analysis.CallAnalysis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The analysis' JSON schema, sent as {@code response_format} (strict structured outputs), and the
 * strict reading of a reply against it: a reply that does not match in every field is refused
 * whole, so that nothing is ever half-stored.
 */
public final class AnalysisSchema {

  static final String NAME = "call_analysis";
  private static final Set<String> FIELDS =
      Set.of(
          "summary",
          "sentiment",
          "satisfaction",
          "outcome_reason",
          "follow_up",
          "follow_up_reason",
          "language");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  private AnalysisSchema() {}

  /** The {@code response_format} value. */
  static Map<String, Object> responseFormat() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("summary", Map.of("type", "string", "description", "Two sentences."));
    properties.put(
        "sentiment", Map.of("type", "number", "description", "The caller's mood, from -1 to 1."));
    properties.put("satisfaction", Map.of("type", "integer", "description", "From 1 to 5."));
    properties.put("outcome_reason", Map.of("type", "string", "enum", CallAnalysis.REASONS));
    properties.put("follow_up", Map.of("type", "boolean"));
    properties.put(
        "follow_up_reason",
        Map.of("type", List.of("string", "null"), "description", "Why, or null."));
    properties.put("language", Map.of("type", "string", "description", "ISO 639-1 code, e.g. en."));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", List.copyOf(properties.keySet()));
    schema.put("additionalProperties", false);
    return Map.of(
        "type",
        "json_schema",
        "json_schema",
        Map.of("name", NAME, "strict", true, "schema", schema));
  }

  /** Reads the model's reply; a {@link MalformedAnalysisException} when anything is off. */
  static CallAnalysis read(ObjectMapper json, String content) {
    JsonNode reply;
    try {
      reply = json.readTree(content == null ? "" : content);
    } catch (Exception e) {
      throw new MalformedAnalysisException("the reply is not JSON");
    }
    if (reply == null || !reply.isObject()) {
      throw new MalformedAnalysisException("the reply is not a JSON object");
    }
    for (String field : FIELDS) {
      if (!reply.has(field)) {
        throw new MalformedAnalysisException("the reply has no " + field);
      }
    }
    reply
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                throw new MalformedAnalysisException("the reply has an unknown field " + name);
              }
            });
    JsonNode summary = reply.get("summary");
    JsonNode sentiment = reply.get("sentiment");
    JsonNode satisfaction = reply.get("satisfaction");
    JsonNode reason = reply.get("outcome_reason");
    JsonNode followUp = reply.get("follow_up");
    JsonNode why = reply.get("follow_up_reason");
    JsonNode language = reply.get("language");
    require(summary.isTextual() && !summary.asText().isBlank(), "summary");
    require(
        sentiment.isNumber() && sentiment.asDouble() >= -1 && sentiment.asDouble() <= 1,
        "sentiment");
    require(
        satisfaction.isIntegralNumber() && satisfaction.asInt() >= 1 && satisfaction.asInt() <= 5,
        "satisfaction");
    require(reason.isTextual() && CallAnalysis.REASONS.contains(reason.asText()), "outcome_reason");
    require(followUp.isBoolean(), "follow_up");
    require(why.isNull() || why.isTextual(), "follow_up_reason");
    require(language.isTextual() && LANGUAGE.matcher(language.asText()).matches(), "language");
    String reasonText = why.isNull() || why.asText().isBlank() ? null : why.asText().strip();
    return new CallAnalysis(
        summary.asText().strip(),
        sentiment.asDouble(),
        satisfaction.asInt(),
        reason.asText(),
        followUp.asBoolean(),
        followUp.asBoolean() ? reasonText : null,
        language.asText());
  }

  private static void require(boolean valid, String field) {
    if (!valid) {
      throw new MalformedAnalysisException("the reply's " + field + " is not valid");
    }
  }

  /** The reply does not match the schema; the message names the field, never its value. */
  public static final class MalformedAnalysisException extends RuntimeException {
    MalformedAnalysisException(String message) {
      super(message);
    }
  }
}
