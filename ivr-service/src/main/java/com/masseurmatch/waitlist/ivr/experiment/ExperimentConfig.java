package com.masseurmatch.waitlist.ivr.experiment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How experiments are judged and followed (environment variables EXPERIMENT_*). */
@ConfigMapping(prefix = "experiment")
public interface ExperimentConfig {

  /** {@code EXPERIMENT_ALPHA}: the significance level a winner must reach (two-sided). */
  @WithDefault("0.05")
  double alpha();

  /** {@code EXPERIMENT_MIN_CALLS}: calls each variant needs before a verdict or a pause. */
  @WithDefault("100")
  int minCalls();

  /**
   * {@code EXPERIMENT_GUARDRAIL}: pause a variant that signs up significantly fewer callers than
   * control once both have their minimum calls.
   */
  @WithDefault("false")
  boolean guardrail();

  /** {@code EXPERIMENT_REFRESH}: how often the running experiments are read again. */
  @WithDefault("15s")
  Duration refresh();
}
