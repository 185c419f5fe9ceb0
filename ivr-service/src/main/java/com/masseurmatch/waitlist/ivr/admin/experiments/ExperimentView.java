package com.masseurmatch.waitlist.ivr.admin.experiments;

import com.masseurmatch.waitlist.ivr.experiment.ExperimentResults;
import com.masseurmatch.waitlist.model.experiment.Experiment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An experiment's results as the console shows them: text for the table, the chart's data. */
public record ExperimentView(
    Experiment experiment, List<Row> rows, String winner, String reason, String chart) {

  /** One variant's line of the table. */
  public record Row(
      String name,
      boolean control,
      String settings,
      int weight,
      boolean paused,
      String pausedReason,
      long calls,
      long signups,
      String rate,
      String interval,
      String difference,
      String pValue,
      String median,
      String abandonment,
      String costPerCall,
      String costPerSignup) {}

  static ExperimentView of(ExperimentResults results) {
    List<Row> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<List<Double>> intervals = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (ExperimentResults.Arm arm : results.variants()) {
      Map<String, Object> settings =
          results.experiment().variant(arm.name()).orElseThrow().settings().toMap();
      rows.add(
          new Row(
              arm.name(),
              arm.control(),
              settings.isEmpty() ? "as configured" : settings.toString().replaceAll("[{}]", ""),
              arm.weight(),
              arm.paused(),
              arm.pausedReason(),
              arm.calls(),
              arm.signups(),
              percent(arm.signupRate()),
              percent(arm.ciLow()) + " – " + percent(arm.ciHigh()),
              arm.difference() == null
                  ? "—"
                  : (arm.difference() >= 0 ? "+" : "") + points(arm.difference()),
              arm.pValue() == null ? "—" : String.format(Locale.ROOT, "%.4f", arm.pValue()),
              arm.medianSeconds() == null
                  ? "—"
                  : String.format(Locale.ROOT, "%.0f s", arm.medianSeconds()),
              percent(arm.abandonmentRate()),
              usd(arm.costPerCall()),
              usd(arm.costPerSignup())));
      labels.add(arm.name());
      intervals.add(List.of(round(arm.ciLow() * 100), round(arm.ciHigh() * 100)));
      rates.add(round(arm.signupRate() * 100));
    }
    String chart =
        new IntervalChart(
                "bar",
                false,
                labels,
                List.of(
                    new IntervalChart.Series("95% interval (%)", intervals),
                    new IntervalChart.Series("Sign-up rate (%)", rates)))
            .json();
    return new ExperimentView(
        results.experiment(), rows, results.verdict().winner(), results.verdict().reason(), chart);
  }

  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  private static String points(double difference) {
    return String.format(Locale.ROOT, "%.1f pts", difference * 100);
  }

  private static String usd(BigDecimal value) {
    return value == null ? "—" : "$" + value.setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
