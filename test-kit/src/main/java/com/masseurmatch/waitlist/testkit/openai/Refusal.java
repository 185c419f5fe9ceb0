package com.masseurmatch.waitlist.testkit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Why the fake refuses part of a client event, in OpenAI's error terms, and the usual checks. */
record Refusal(String code, String message, String param) {

  static Refusal oneOf(JsonNode value, List<String> allowed, String at) {
    if (value != null && value.isTextual() && allowed.contains(value.asText())) {
      return null;
    }
    if (value == null || value.isNull()) {
      return new Refusal(
          "missing_required_parameter", "Missing required parameter: '" + at + "'.", at);
    }
    return new Refusal(
        "invalid_value",
        "Invalid value: '"
            + value.asText()
            + "'. Supported values are: '"
            + String.join("', '", allowed)
            + "'.",
        at);
  }

  static Refusal text(JsonNode value, String at) {
    return value == null || value.isTextual() ? null : invalidType(at, "a string", value);
  }

  static Refusal unknown(JsonNode object, Set<String> known, String at) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        return new Refusal(
            "unknown_parameter", "Unknown parameter: '" + at + "." + name + "'.", at + "." + name);
      }
    }
    return null;
  }

  static Refusal invalidType(String at, String expected, JsonNode got) {
    return new Refusal(
        "invalid_type",
        "Invalid type for '"
            + at
            + "': expected "
            + expected
            + ", but got "
            + got.getNodeType().name().toLowerCase(Locale.ROOT)
            + " instead.",
        at);
  }

  static Refusal firstOf(Refusal... refusals) {
    for (Refusal refusal : refusals) {
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }
}
