package com.masseurmatch.waitlist.model.experiment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where experiments live, and the totals of their calls. Blocking: call from a worker thread. */
public interface ExperimentStore {

  /** Stores a new experiment as a draft. */
  Experiment create(String name, String language, List<Variant> variants);

  Optional<Experiment> find(UUID id);

  /** Every experiment, newest first. */
  List<Experiment> list();

  /** The running experiments. */
  List<Experiment> running();

  /**
   * Starts a draft or stopped experiment; empty when there is none with that id.
   *
   * @throws ExperimentConflictException when an experiment for the same calls already runs
   */
  Optional<Experiment> start(UUID id);

  /** Stops it; empty when there is none with that id. */
  Optional<Experiment> stop(UUID id);

  /** Pauses one variant: it gets no new calls. */
  Optional<Experiment> pause(UUID id, String variant, String reason);

  /** Per variant: the calls recorded with this experiment and what they came to. */
  List<ArmTotals> totals(UUID id);
}
