package com.masseurmatch.waitlist.model.experiment;

import java.math.BigDecimal;

/**
 * What the recorded calls of one variant add up to.
 *
 * @param medianSeconds the median length of its calls with a start and an end; null when none
 * @param costUsd the Realtime and Chat cost recorded on its calls
 */
public record ArmTotals(
    String variant,
    long calls,
    long signups,
    long abandoned,
    Double medianSeconds,
    BigDecimal costUsd) {

  public static ArmTotals empty(String variant) {
    return new ArmTotals(variant, 0, 0, 0, null, BigDecimal.ZERO);
  }
}
