package com.masseurmatch.waitlist.ivr.analysis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** The post-call analysis (Chat Completions with structured outputs, on the IVR's OpenAI key). */
@ConfigMapping(prefix = "analysis")
public interface AnalysisConfig {

  /** {@code ANALYSIS_ENABLED}: false records every analysis as skipped. */
  @WithDefault("true")
  boolean enabled();

  /** {@code ANALYSIS_MODEL}: a model that supports structured outputs. */
  @WithDefault("gpt-4o-mini")
  String model();

  /** Time allowed for one answer. */
  @WithDefault("60s")
  Duration timeout();

  /** The longest transcript sent, in characters (the start is kept). */
  @WithDefault("40000")
  int maxTranscriptChars();

  /** {@code ANALYSIS_INPUT_USD_PER_MILLION}: the model's price per million input tokens. */
  @WithDefault("0.15")
  BigDecimal inputUsdPerMillion();

  /** {@code ANALYSIS_OUTPUT_USD_PER_MILLION}: the model's price per million output tokens. */
  @WithDefault("0.60")
  BigDecimal outputUsdPerMillion();
}
