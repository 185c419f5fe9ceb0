package com.masseurmatch.waitlist.bridge.variant;

import com.masseurmatch.waitlist.bridge.config.OpenAiConfig;
import com.masseurmatch.waitlist.bridge.openai.RealtimeCodec;
import com.masseurmatch.waitlist.bridge.openai.RealtimeSessionFactory;
import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.ExperimentStore;
import com.masseurmatch.waitlist.model.experiment.VariantSettings;
import com.masseurmatch.waitlist.model.text.Language;
import io.quarkus.logging.Log;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The session set-up of each experiment variant in each language (the language's set-up with the
 * variant's settings on top), read from the store on a worker thread the first time a call names it
 * and kept (a variant's settings never change). A variant that cannot be read or built gives the
 * call its language's configured set-up, with a warning: the caller never waits for it.
 */
public final class VariantSessions {

  /** More distinct variants than this in memory means something is forging stream parameters. */
  static final int MAX_CACHED = 1000;

  private final ExperimentStore store;
  private final OpenAiConfig config;
  private final RealtimeSessionFactory factory;
  private final RealtimeCodec codec;
  private final Executor blocking;
  private final Map<Language, SessionChoice> configured;
  private final Map<String, CompletableFuture<SessionChoice>> cache = new ConcurrentHashMap<>();

  public VariantSessions(
      ExperimentStore store,
      OpenAiConfig config,
      RealtimeSessionFactory factory,
      RealtimeCodec codec,
      Executor blocking) {
    this.store = store;
    this.config = config;
    this.factory = factory;
    this.codec = codec;
    this.blocking = blocking;
    Map<Language, SessionChoice> sessions = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      sessions.put(language, build(language, VariantSettings.NONE, null, null));
    }
    this.configured = Map.copyOf(sessions);
  }

  /** The configured set-up in a language, for calls outside experiments. */
  public SessionChoice configured(Language language) {
    return configured.get(language);
  }

  /**
   * The set-up for a call's stream parameters; completes on a worker thread (or at once when it is
   * known), never exceptionally.
   */
  public CompletionStage<SessionChoice> choose(
      Language language, String experiment, String variant) {
    SessionChoice fallback = configured(language);
    UUID id = uuid(experiment);
    if (id == null || variant == null || variant.isBlank()) {
      return CompletableFuture.completedFuture(fallback);
    }
    String key = language.code() + "/" + id + "/" + variant;
    CompletableFuture<SessionChoice> known = cache.get(key);
    if (known != null) {
      return known;
    }
    CompletableFuture<SessionChoice> loading =
        CompletableFuture.supplyAsync(() -> load(language, id, variant), blocking)
            .exceptionally(
                e -> {
                  Log.warnf(
                      "experiment %s variant %s: cannot read its settings, using the configured"
                          + " set-up: %s",
                      id, variant, e.getMessage());
                  cache.remove(key);
                  return fallback;
                });
    if (cache.size() < MAX_CACHED) {
      CompletableFuture<SessionChoice> raced = cache.putIfAbsent(key, loading);
      return raced != null ? raced : loading;
    }
    return loading;
  }

  private SessionChoice load(Language language, UUID id, String variant) {
    Optional<Experiment> experiment = store.find(id);
    VariantSettings settings =
        experiment
            .flatMap(e -> e.variant(variant))
            .map(v -> v.settings())
            .orElseThrow(() -> new IllegalArgumentException("no such experiment variant"));
    return build(language, settings, id, variant);
  }

  private SessionChoice build(
      Language language, VariantSettings settings, UUID id, String variant) {
    String model = factory.model(settings);
    return new SessionChoice(
        codec.sessionUpdate(factory.session(language, settings)),
        model,
        RealtimePrices.of(model, config),
        id,
        variant);
  }

  private static UUID uuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
