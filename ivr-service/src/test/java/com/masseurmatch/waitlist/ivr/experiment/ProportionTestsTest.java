package com.masseurmatch.waitlist.ivr.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The statistics against figures worked out by hand (z = 1.959964 for 95 %):
 *
 * <pre>
 * 30 of 120: p = 0.25, centre = (p + z²/2n) / (1 + z²/n) = 0.266006 / 1.032012 = 0.257755,
 *   half = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²) = 1.899167 · 0.040363 = 0.076657
 *   → [0.181098, 0.334411]
 * 48 of 120: → [0.316764, 0.489440]
 * 48/120 against 30/120: pooled 78/240 = 0.325, se = √(0.325 · 0.675 · 2/120) = 0.060467,
 *   z = 0.15 / 0.060467 = 2.480695, p = 2 · (1 − Φ(2.480695)) = 0.013113
 * </pre>
 */
class ProportionTestsTest {

  @Test
  void theWilsonIntervalMatchesTheHandComputation() {
    double[] control = ProportionTests.wilson(30, 120, 0.05);
    assertEquals(0.181098, control[0], 1e-6);
    assertEquals(0.334411, control[1], 1e-6);
    double[] variant = ProportionTests.wilson(48, 120, 0.05);
    assertEquals(0.316764, variant[0], 1e-6);
    assertEquals(0.489440, variant[1], 1e-6);
  }

  @Test
  void thePooledZTestMatchesTheHandComputation() {
    assertEquals(2.480695, ProportionTests.z(48, 120, 30, 120), 1e-6);
    assertEquals(0.013113, ProportionTests.pValue(48, 120, 30, 120), 1e-6);
    assertEquals(0.013113, ProportionTests.pValue(30, 120, 48, 120), 1e-6, "two-sided");
  }

  @Test
  void edgesGiveNoEvidence() {
    assertEquals(1.0, ProportionTests.pValue(0, 0, 5, 10));
    assertEquals(1.0, ProportionTests.pValue(0, 50, 0, 50), "no signups anywhere");
    double[] none = ProportionTests.wilson(0, 0, 0.05);
    assertEquals(0.0, none[0]);
    assertEquals(1.0, none[1]);
    double[] zero = ProportionTests.wilson(0, 10, 0.05);
    assertEquals(0.0, zero[0]);
    assertEquals(0.277533, zero[1], 1e-6);
  }
}
