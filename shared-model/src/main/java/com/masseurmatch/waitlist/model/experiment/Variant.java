package com.masseurmatch.waitlist.model.experiment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One arm of an experiment: its share of the calls and what it changes. A paused variant gets no
 * new calls (the guardrail pauses one doing significantly worse than control).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Variant(
    @JsonProperty("name") String name,
    @JsonProperty("weight") int weight,
    @JsonProperty("settings") VariantSettings settings,
    @JsonProperty("paused") boolean paused,
    @JsonProperty("paused_reason") String pausedReason) {

  public Variant {
    settings = settings == null ? VariantSettings.NONE : settings;
  }

  public Variant paused(String reason) {
    return new Variant(name, weight, settings, true, reason);
  }
}
