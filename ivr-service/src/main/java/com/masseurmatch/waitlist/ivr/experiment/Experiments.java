package com.masseurmatch.waitlist.ivr.experiment;

import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.ExperimentStore;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Experiments as the admin API and the console manage them. Blocking. */
@Singleton
public class Experiments {

  private final ExperimentStore store;
  private final RunningExperiments running;
  private final ExperimentConfig config;

  Experiments(ExperimentStore store, RunningExperiments running, ExperimentConfig config) {
    this.store = store;
    this.running = running;
    this.config = config;
  }

  Experiment create(ExperimentDefinition definition) {
    Experiment created =
        store.create(definition.name(), definition.language(), definition.variants());
    Log.infof("experiment %s (%s) defined", created.id(), created.name());
    return created;
  }

  public List<Experiment> list() {
    return store.list();
  }

  public Optional<Experiment> find(UUID id) {
    return store.find(id);
  }

  /** Starts it; the IVR assigns calls to it from now on. */
  public Optional<Experiment> start(UUID id) {
    Optional<Experiment> started = store.start(id);
    started.ifPresent(e -> Log.infof("experiment %s (%s) started", e.id(), e.name()));
    running.refresh();
    return started;
  }

  public Optional<Experiment> stop(UUID id) {
    Optional<Experiment> stopped = store.stop(id);
    stopped.ifPresent(e -> Log.infof("experiment %s (%s) stopped", e.id(), e.name()));
    running.refresh();
    return stopped;
  }

  public Optional<ExperimentResults> results(UUID id) {
    return store
        .find(id)
        .map(e -> ExperimentResults.of(e, store.totals(id), config.alpha(), config.minCalls()));
  }
}
