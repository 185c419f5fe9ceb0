package com.masseurmatch.waitlist.ivr.experiment;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The statistics behind an experiment's results: sign-up rates compared between two arms. */
final class ProportionTests {

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private ProportionTests() {}

  /** The Wilson score interval of {@code successes / trials} at confidence {@code 1 - alpha}. */
  static double[] wilson(long successes, long trials, double alpha) {
    if (trials == 0) {
      return new double[] {0, 1};
    }
    double z = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /**
   * The two-sided p-value of the pooled two-proportion z test of {@code a} against {@code b}; 1
   * when either arm has no calls or the pooled rate is 0 or 1 (no difference can show).
   */
  static double pValue(long successesA, long trialsA, long successesB, long trialsB) {
    double z = z(successesA, trialsA, successesB, trialsB);
    return Double.isNaN(z) ? 1 : 2 * NORMAL.cumulativeProbability(-Math.abs(z));
  }

  /** The z statistic, NaN when it is undefined. */
  static double z(long successesA, long trialsA, long successesB, long trialsB) {
    if (trialsA == 0 || trialsB == 0) {
      return Double.NaN;
    }
    double pooled = (double) (successesA + successesB) / (trialsA + trialsB);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / trialsA + 1.0 / trialsB));
    if (se == 0) {
      return Double.NaN;
    }
    return ((double) successesA / trialsA - (double) successesB / trialsB) / se;
  }
}
