package com.masseurmatch.waitlist.ivr.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.Variant;
import com.masseurmatch.waitlist.model.experiment.VariantSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VariantAssignmentTest {

  private static Experiment experiment(int a, int b, boolean bPaused) {
    return new Experiment(
        UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001"),
        "voices",
        null,
        Experiment.RUNNING,
        List.of(
            new Variant("control", a, VariantSettings.NONE, false, null),
            new Variant("cedar", b, VariantSettings.NONE, bPaused, bPaused ? "worse" : null)),
        null,
        null,
        null);
  }

  @Test
  void aCallerAlwaysGetsTheSameVariantAndWeightsSplitTheCallers() {
    Experiment even = experiment(50, 50, false);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 2000; i++) {
      String number = String.format("+1415555%04d", i);
      String first = VariantAssignment.pick(even, number).orElseThrow().name();
      assertEquals(first, VariantAssignment.pick(even, number).orElseThrow().name());
      counts.merge(first, 1, Integer::sum);
    }
    // 2000 fair coin flips land within 900..1100 with probability above 0.9999
    assertTrue(counts.get("control") > 900 && counts.get("control") < 1100, counts.toString());
    Experiment skewed = experiment(90, 10, false);
    long cedar =
        java.util.stream.IntStream.range(0, 2000)
            .filter(
                i ->
                    VariantAssignment.pick(skewed, String.format("+1415555%04d", i))
                        .orElseThrow()
                        .name()
                        .equals("cedar"))
            .count();
    assertTrue(cedar > 140 && cedar < 260, "about 10 %: " + cedar);
  }

  @Test
  void aPausedVariantTakesNoCalls() {
    Experiment paused = experiment(50, 50, true);
    for (int i = 0; i < 200; i++) {
      assertEquals(
          "control",
          VariantAssignment.pick(paused, String.format("+1415555%04d", i)).orElseThrow().name());
    }
  }

  @Test
  void aWithheldNumberFallsBackToTheCallSid() {
    assertEquals("+14155550100", VariantAssignment.key("+14155550100", "CA1"));
    for (String withheld : new String[] {null, "", "Anonymous", "Restricted", "+266696687"}) {
      assertEquals("CA1", VariantAssignment.key(withheld, "CA1"), "From " + withheld);
    }
  }
}
