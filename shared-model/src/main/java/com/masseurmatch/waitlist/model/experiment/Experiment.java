package com.masseurmatch.waitlist.model.experiment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code experiments}: variants of Knotty's set-up tried on live calls. The first variant
 * is the control. Only its status changes after it is created (and a variant's pause).
 *
 * @param language the calls it applies to; null for calls in every language
 * @param status {@code draft}, {@code running} or {@code stopped}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Experiment(
    @JsonProperty("id") UUID id,
    @JsonProperty("name") String name,
    @JsonProperty("language") String language,
    @JsonProperty("status") String status,
    @JsonProperty("variants") List<Variant> variants,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("started_at") Instant startedAt,
    @JsonProperty("stopped_at") Instant stoppedAt) {

  public static final String DRAFT = "draft";
  public static final String RUNNING = "running";
  public static final String STOPPED = "stopped";

  public Experiment {
    variants = variants == null ? List.of() : List.copyOf(variants);
  }

  public boolean running() {
    return RUNNING.equals(status);
  }

  /** The first variant: what the others are compared with. */
  public Variant control() {
    return variants.get(0);
  }

  public Optional<Variant> variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** Whether a call in {@code callLanguage} belongs to this experiment. */
  public boolean appliesTo(String callLanguage) {
    return language == null || language.equals(callLanguage);
  }

  /** Whether both would take the same calls, so that only one may run at a time. */
  public boolean overlaps(Experiment other) {
    return language == null || other.language == null || language.equals(other.language);
  }
}
