package com.masseurmatch.waitlist.ivr.experiment;

import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.ExperimentStore;
import com.masseurmatch.waitlist.model.experiment.Variant;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.store.StoreException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The running experiments, held in memory so that a call's webhook assigns its variant without
 * waiting on the store: read again every {@code EXPERIMENT_REFRESH} and whenever the admin API
 * starts or stops one. The guardrail runs with each refresh.
 */
@Singleton
public class RunningExperiments {

  private final ExperimentStore store;
  private final Guardrail guardrail;
  private volatile List<Experiment> running = List.of();

  RunningExperiments(ExperimentStore store, Guardrail guardrail) {
    this.store = store;
    this.guardrail = guardrail;
  }

  /** A call's arm: the experiment and the variant it gets. */
  public record Assignment(Experiment experiment, Variant variant) {}

  /**
   * The variant of the running experiment for a call in {@code language} (its code: {@code en},
   * {@code es}, ...), by the caller's number (the call SID when it is withheld); empty outside any
   * experiment. Never touches the store.
   */
  public Optional<Assignment> assign(String callSid, String from, String language) {
    String key = VariantAssignment.key(from, callSid);
    for (Experiment experiment : running) {
      if (experiment.appliesTo(language)) {
        Optional<Assignment> assigned =
            VariantAssignment.pick(experiment, key).map(v -> new Assignment(experiment, v));
        assigned.ifPresent(
            a ->
                Log.debugf(
                    "call %s (%s): experiment %s, variant %s",
                    callSid, Masking.phone(from), experiment.id(), a.variant().name()));
        return assigned;
      }
    }
    return Optional.empty();
  }

  @Scheduled(
      every = "${experiment.refresh:15s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduledRefresh() {
    refresh();
  }

  /** Reads the running experiments again (blocking), applying the guardrail first. */
  public void refresh() {
    try {
      List<Experiment> read = store.running();
      running = guardrail.check(read);
    } catch (StoreException e) {
      Log.warnf("cannot read the running experiments, keeping the last known: %s", e.getMessage());
    }
  }
}
