package com.masseurmatch.waitlist.ivr.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.masseurmatch.waitlist.model.experiment.ArmTotals;
import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.Variant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An experiment's results: per variant its calls, sign-ups, sign-up rate with its Wilson interval,
 * the difference from control with the pooled two-proportion z test's two-sided p-value, the median
 * call length, the abandonment rate and the cost; and the verdict. With more than one variant
 * against control each comparison is held to {@code alpha} divided by their number (Bonferroni).
 */
public record ExperimentResults(
    @JsonProperty("experiment") Experiment experiment,
    @JsonProperty("alpha") double alpha,
    @JsonProperty("min_calls") int minCalls,
    @JsonProperty("variants") List<Arm> variants,
    @JsonProperty("verdict") Verdict verdict) {

  /** One variant's figures; rates are fractions (0.25 is 25 %). */
  public record Arm(
      @JsonProperty("name") String name,
      @JsonProperty("control") boolean control,
      @JsonProperty("weight") int weight,
      @JsonProperty("paused") boolean paused,
      @JsonProperty("paused_reason") String pausedReason,
      @JsonProperty("calls") long calls,
      @JsonProperty("signups") long signups,
      @JsonProperty("signup_rate") double signupRate,
      @JsonProperty("ci_low") double ciLow,
      @JsonProperty("ci_high") double ciHigh,
      @JsonProperty("difference") Double difference,
      @JsonProperty("p_value") Double pValue,
      @JsonProperty("median_seconds") Double medianSeconds,
      @JsonProperty("abandonment_rate") double abandonmentRate,
      @JsonProperty("cost_usd") BigDecimal costUsd,
      @JsonProperty("cost_per_call") BigDecimal costPerCall,
      @JsonProperty("cost_per_signup") BigDecimal costPerSignup) {

    boolean significantlyWorse(double threshold) {
      return pValue != null && pValue < threshold && difference < 0;
    }

    boolean significantlyBetter(double threshold) {
      return pValue != null && pValue < threshold && difference > 0;
    }
  }

  /** The winner's name (null when there is none yet) and why. */
  public record Verdict(
      @JsonProperty("winner") String winner, @JsonProperty("reason") String reason) {}

  static ExperimentResults of(
      Experiment experiment, List<ArmTotals> totals, double alpha, int minCalls) {
    Map<String, ArmTotals> byName =
        totals.stream().collect(Collectors.toMap(ArmTotals::variant, Function.identity()));
    ArmTotals control =
        byName.getOrDefault(
            experiment.control().name(), ArmTotals.empty(experiment.control().name()));
    List<Arm> arms = new ArrayList<>();
    for (Variant variant : experiment.variants()) {
      ArmTotals t = byName.getOrDefault(variant.name(), ArmTotals.empty(variant.name()));
      boolean isControl = variant == experiment.control();
      double rate = t.calls() == 0 ? 0 : (double) t.signups() / t.calls();
      double[] ci = ProportionTests.wilson(t.signups(), t.calls(), 0.05);
      Double difference = null;
      Double p = null;
      if (!isControl && t.calls() > 0 && control.calls() > 0) {
        difference = rate - (double) control.signups() / control.calls();
        p = ProportionTests.pValue(t.signups(), t.calls(), control.signups(), control.calls());
      }
      arms.add(
          new Arm(
              variant.name(),
              isControl,
              variant.weight(),
              variant.paused(),
              variant.pausedReason(),
              t.calls(),
              t.signups(),
              rate,
              ci[0],
              ci[1],
              difference,
              p,
              t.medianSeconds(),
              t.calls() == 0 ? 0 : (double) t.abandoned() / t.calls(),
              t.costUsd(),
              per(t.costUsd(), t.calls()),
              per(t.costUsd(), t.signups())));
    }
    return new ExperimentResults(experiment, alpha, minCalls, arms, verdict(arms, alpha, minCalls));
  }

  /** Each comparison's threshold: alpha shared among the variants compared with control. */
  static double threshold(double alpha, int variants) {
    return alpha / Math.max(1, variants - 1);
  }

  private static Verdict verdict(List<Arm> arms, double alpha, int minCalls) {
    for (Arm arm : arms) {
      if (arm.calls() < minCalls) {
        return new Verdict(
            null,
            "not enough calls yet: "
                + arm.name()
                + " has "
                + arm.calls()
                + " of the "
                + minCalls
                + " each variant needs");
      }
    }
    double threshold = threshold(alpha, arms.size());
    List<Arm> others = arms.subList(1, arms.size());
    Arm best = null;
    for (Arm arm : others) {
      if (arm.significantlyBetter(threshold)
          && (best == null || arm.signupRate() > best.signupRate())) {
        best = arm;
      }
    }
    String level = "p < " + format(threshold);
    if (best != null) {
      return new Verdict(
          best.name(),
          best.name()
              + " signs up more callers than "
              + arms.get(0).name()
              + " ("
              + percent(best.signupRate())
              + " against "
              + percent(arms.get(0).signupRate())
              + ", p = "
              + format(best.pValue())
              + ", "
              + level
              + " needed)");
    }
    if (others.stream().allMatch(a -> a.significantlyWorse(threshold))) {
      return new Verdict(
          arms.get(0).name(),
          "every variant signs up significantly fewer callers than "
              + arms.get(0).name()
              + " ("
              + level
              + ")");
    }
    return new Verdict(
        null,
        "no significant difference from "
            + arms.get(0).name()
            + " ("
            + level
            + " needed); keep it running or stop it and keep the control");
  }

  private static BigDecimal per(BigDecimal cost, long count) {
    return count == 0 || cost == null
        ? null
        : cost.divide(BigDecimal.valueOf(count), 6, RoundingMode.HALF_UP);
  }

  private static String percent(double rate) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
  }

  private static String format(double value) {
    return String.format(java.util.Locale.ROOT, "%.4g", value);
  }
}
