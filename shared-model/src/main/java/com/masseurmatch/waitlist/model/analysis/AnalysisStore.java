package com.masseurmatch.waitlist.model.analysis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The post-call analysis on the {@code calls} rows, and the calls as the admin API lists them.
 * Blocking: call from a worker thread. Failures are {@code StoreException}s.
 */
public interface AnalysisStore {

  /** Stores a whole analysis with its model and cost; false when the call is gone or erased. */
  boolean save(
      String callSid,
      CallAnalysis analysis,
      String model,
      Map<String, Long> usage,
      BigDecimal costUsd);

  /**
   * Marks the analysis {@code pending}, {@code skipped} or {@code failed} (with a reason without
   * personal data); the analysis itself is cleared, never left half-written.
   */
  boolean mark(String callSid, String status, String error);

  Optional<CallInsight> call(String callSid);

  /** Calls, newest first; only those the analysis says need a follow-up when asked. */
  List<CallInsight> calls(boolean followUpOnly, int offset, int limit);

  /** Average sentiment per day in {@code [from, to)}. */
  List<SentimentDay> sentimentByDay(Instant from, Instant to);
}
