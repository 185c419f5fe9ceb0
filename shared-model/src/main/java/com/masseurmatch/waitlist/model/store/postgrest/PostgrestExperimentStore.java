package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.experiment.ArmTotals;
import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.ExperimentConflictException;
import com.masseurmatch.waitlist.model.experiment.ExperimentStore;
import com.masseurmatch.waitlist.model.experiment.Variant;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import com.masseurmatch.waitlist.model.store.SupabaseConfig;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Experiments through PostgREST: the migration's functions. */
public final class PostgrestExperimentStore implements ExperimentStore {

  /** The migration's refusal to start a second experiment for the same calls. */
  static final String CONFLICT = "23P01";

  private static final TypeReference<List<Experiment>> EXPERIMENTS = new TypeReference<>() {};
  private static final TypeReference<List<ArmRow>> ARMS = new TypeReference<>() {};

  private final PostgrestClient client;

  public PostgrestExperimentStore(SupabaseConfig config, ObjectMapper rowJson) {
    this.client = new PostgrestClient(config, rowJson);
  }

  @Override
  public Experiment create(String name, String language, List<Variant> variants) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("p_name", name);
    args.put("p_variants", variants);
    if (language != null) {
      args.put("p_language", language);
    }
    String body = client.rpc("create_experiment", args).body();
    try {
      return client.json().readValue(body, Experiment.class);
    } catch (JsonProcessingException e) {
      throw new StoreUnavailableException("PostgREST answered with unreadable JSON", false, e);
    }
  }

  @Override
  public Optional<Experiment> find(UUID id) {
    return experiments("get_experiment", Map.of("p_id", id)).stream().findFirst();
  }

  @Override
  public List<Experiment> list() {
    return experiments("list_experiments", Map.of());
  }

  @Override
  public List<Experiment> running() {
    return experiments("running_experiments", Map.of());
  }

  @Override
  public Optional<Experiment> start(UUID id) {
    try {
      return experiments("start_experiment", Map.of("p_id", id)).stream().findFirst();
    } catch (StoreRejectedException e) {
      if (CONFLICT.equals(e.code())) {
        Optional<Experiment> other = running().stream().filter(r -> !r.id().equals(id)).findFirst();
        throw other
            .map(ExperimentConflictException::with)
            .orElseGet(() -> new ExperimentConflictException("another experiment is running"));
      }
      throw e;
    }
  }

  @Override
  public Optional<Experiment> stop(UUID id) {
    return experiments("stop_experiment", Map.of("p_id", id)).stream().findFirst();
  }

  @Override
  public Optional<Experiment> pause(UUID id, String variant, String reason) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("p_id", id);
    args.put("p_variant", variant);
    args.put("p_reason", reason);
    return experiments("pause_experiment_variant", args).stream().findFirst();
  }

  @Override
  public List<ArmTotals> totals(UUID id) {
    return read(client.rpc("experiment_arms", Map.of("p_id", id)).body(), ARMS).stream()
        .map(ArmRow::totals)
        .toList();
  }

  private List<Experiment> experiments(String function, Map<String, Object> args) {
    return read(client.rpc(function, args).body(), EXPERIMENTS);
  }

  private <T> T read(String body, TypeReference<T> type) {
    try {
      return client.json().readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new StoreUnavailableException("PostgREST answered with unreadable JSON", false, e);
    }
  }

  /** One row of {@code experiment_arms}. */
  record ArmRow(
      String variant,
      long calls,
      long signups,
      long abandoned,
      Double medianSeconds,
      BigDecimal costUsd) {
    ArmTotals totals() {
      return new ArmTotals(
          variant,
          calls,
          signups,
          abandoned,
          medianSeconds,
          costUsd == null ? BigDecimal.ZERO : costUsd);
    }
  }
}
