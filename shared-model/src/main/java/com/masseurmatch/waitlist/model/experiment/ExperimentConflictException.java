package com.masseurmatch.waitlist.model.experiment;

/** Starting an experiment was refused: another one already runs for the same calls. */
public class ExperimentConflictException extends RuntimeException {

  public ExperimentConflictException(String message) {
    super(message);
  }

  /** The refusal naming the experiment that runs. */
  public static ExperimentConflictException with(Experiment running) {
    return new ExperimentConflictException(
        "experiment \""
            + running.name()
            + "\" is already running for "
            + (running.language() == null ? "every language" : "language " + running.language())
            + "; stop it first");
  }
}
