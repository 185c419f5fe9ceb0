package com.masseurmatch.waitlist.ivr.experiment;

import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.ExperimentStore;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * With {@code EXPERIMENT_GUARDRAIL} on, pauses a variant of a running experiment that signs up
 * significantly fewer callers than control once both have {@code EXPERIMENT_MIN_CALLS}: it takes no
 * new calls, and the pause is logged and shown with the results.
 */
@Singleton
class Guardrail {

  private final ExperimentStore store;
  private final ExperimentConfig config;

  Guardrail(ExperimentStore store, ExperimentConfig config) {
    this.store = store;
    this.config = config;
  }

  /** The running experiments, with the variants it paused now marked paused. Blocking. */
  List<Experiment> check(List<Experiment> running) {
    if (!config.guardrail()) {
      return running;
    }
    List<Experiment> checked = new ArrayList<>();
    for (Experiment experiment : running) {
      checked.add(check(experiment));
    }
    return checked;
  }

  private Experiment check(Experiment experiment) {
    ExperimentResults results =
        ExperimentResults.of(
            experiment, store.totals(experiment.id()), config.alpha(), config.minCalls());
    double threshold = ExperimentResults.threshold(config.alpha(), results.variants().size());
    ExperimentResults.Arm control = results.variants().get(0);
    Experiment now = experiment;
    for (ExperimentResults.Arm arm : results.variants().subList(1, results.variants().size())) {
      if (arm.paused()
          || arm.calls() < config.minCalls()
          || control.calls() < config.minCalls()
          || !arm.significantlyWorse(threshold)) {
        continue;
      }
      String reason =
          String.format(
              java.util.Locale.ROOT,
              "paused by the guardrail: %.1f%% sign-ups against %.1f%% for %s (p = %.4g)",
              arm.signupRate() * 100,
              control.signupRate() * 100,
              control.name(),
              arm.pValue());
      Log.warnf(
          "experiment %s (%s): variant %s %s",
          experiment.id(), experiment.name(), arm.name(), reason);
      now = store.pause(experiment.id(), arm.name(), reason).orElse(now);
    }
    return now;
  }
}
