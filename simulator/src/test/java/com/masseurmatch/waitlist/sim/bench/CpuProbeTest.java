package com.masseurmatch.waitlist.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuProbeTest {

  private static final long SECOND = 1_000_000_000L;

  // user nice system idle iowait irq softirq steal
  private static final String BEFORE =
      """
      cpu  300 0 100 600 0 0 40 0 0 0
      cpu0 200 0 60 100 0 0 30 0 0 0
      cpu1 100 0 40 500 0 0 10 0 0 0
      intr 12345
      """;
  private static final String AFTER =
      """
      cpu  500 0 200 750 0 0 90 0 0 0
      cpu0 350 0 110 110 10 0 70 0 0 0
      cpu1 150 0 90 640 0 0 20 0 0 0
      intr 23456
      """;

  @Test
  void busyIsWhatIsNotIdleOverTheWallClock() {
    CpuProbe cpu0 = CpuProbe.of("0", 100);
    // cpu0 idle 10 + iowait 10 ticks in 10 s: 0.2 s of 10
    assertEquals(
        0.98, cpu0.busyShare(cpu0.sample(BEFORE, 0), cpu0.sample(AFTER, 10 * SECOND)), 1e-9);
  }

  @Test
  void aListOfCpusIsAveraged() {
    CpuProbe both = CpuProbe.of("0-1", 100);
    // cpu1 idle 140 ticks: 1.6 s idle of 2 × 10 s
    assertEquals(
        0.92, both.busyShare(both.sample(BEFORE, 0), both.sample(AFTER, 10 * SECOND)), 1e-9);
    assertEquals(CpuProbe.of("1,0", 100).sample(AFTER, 5), both.sample(AFTER, 5));
  }

  @Test
  void withoutSamplesTheShareIsUnknown() {
    CpuProbe cpu0 = CpuProbe.of("0", 100);
    assertTrue(Double.isNaN(cpu0.busyShare(null, cpu0.sample(AFTER, SECOND))));
    assertTrue(Double.isNaN(cpu0.busyShare(cpu0.sample(BEFORE, SECOND), cpu0.sample(AFTER, 0))));
  }
}
