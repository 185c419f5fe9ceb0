package com.masseurmatch.waitlist.ivr.experiment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.experiment.InvalidExperimentException;
import com.masseurmatch.waitlist.model.experiment.Variant;
import com.masseurmatch.waitlist.model.experiment.VariantSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A new experiment as the admin API receives it, checked field by field: {@code name}, optional
 * {@code language}, and two to ten {@code variants} (the first is the control), each with a unique
 * {@code name}, a {@code weight} and {@code settings}.
 */
record ExperimentDefinition(String name, String language, List<Variant> variants) {

  static final int MAX_VARIANTS = 10;
  static final int MAX_WEIGHT = 1000;
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern VARIANT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
  private static final Set<String> TOP = Set.of("name", "language", "variants");
  private static final Set<String> VARIANT = Set.of("name", "weight", "settings");

  static ExperimentDefinition parse(JsonNode body, ObjectMapper json) {
    if (body == null || !body.isObject()) {
      throw new InvalidExperimentException("body", "must be a JSON object");
    }
    unknown(body, TOP, "");
    JsonNode nameNode = body.get("name");
    if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
      throw new InvalidExperimentException("name", "is required");
    }
    String name = nameNode.asText().strip();
    if (name.length() > 200) {
      throw new InvalidExperimentException("name", "must be at most 200 characters");
    }
    String language = null;
    JsonNode languageNode = body.get("language");
    if (languageNode != null && !languageNode.isNull()) {
      if (!languageNode.isTextual() || !LANGUAGE.matcher(languageNode.asText()).matches()) {
        throw new InvalidExperimentException(
            "language", "must be a two-letter language code such as en, or absent for every call");
      }
      language = languageNode.asText();
    }
    JsonNode variantsNode = body.get("variants");
    if (variantsNode == null
        || !variantsNode.isArray()
        || variantsNode.size() < 2
        || variantsNode.size() > MAX_VARIANTS) {
      throw new InvalidExperimentException(
          "variants", "must be a list of 2 to " + MAX_VARIANTS + " variants, the control first");
    }
    List<Variant> variants = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < variantsNode.size(); i++) {
      variants.add(variant(variantsNode.get(i), "variants[" + i + "].", names, json));
    }
    return new ExperimentDefinition(name, language, variants);
  }

  private static Variant variant(JsonNode node, String at, Set<String> names, ObjectMapper json) {
    if (!node.isObject()) {
      throw new InvalidExperimentException(at.substring(0, at.length() - 1), "must be an object");
    }
    unknown(node, VARIANT, at);
    JsonNode name = node.get("name");
    if (name == null || !name.isTextual() || !VARIANT_NAME.matcher(name.asText()).matches()) {
      throw new InvalidExperimentException(
          at + "name", "must be 1 to 40 letters, digits, - or _, starting with a letter or digit");
    }
    if (!names.add(name.asText())) {
      throw new InvalidExperimentException(at + "name", "is used by another variant");
    }
    JsonNode weight = node.get("weight");
    if (weight == null
        || !weight.canConvertToInt()
        || !weight.isIntegralNumber()
        || weight.asInt() < 1
        || weight.asInt() > MAX_WEIGHT) {
      throw new InvalidExperimentException(
          at + "weight", "must be a whole number from 1 to " + MAX_WEIGHT);
    }
    JsonNode settings = node.get("settings");
    Map<String, Object> raw = null;
    if (settings != null && !settings.isNull()) {
      if (!settings.isObject()) {
        throw new InvalidExperimentException(at + "settings", "must be an object");
      }
      raw = json.convertValue(settings, new TypeReference<Map<String, Object>>() {});
    }
    return new Variant(
        name.asText(), weight.asInt(), VariantSettings.parse(at + "settings.", raw), false, null);
  }

  private static void unknown(JsonNode node, Set<String> allowed, String at) {
    for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      if (!allowed.contains(field)) {
        throw new InvalidExperimentException(at + field, "is not a known field");
      }
    }
  }
}
