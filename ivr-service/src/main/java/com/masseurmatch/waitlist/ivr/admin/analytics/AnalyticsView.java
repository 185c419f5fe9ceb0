package com.masseurmatch.waitlist.ivr.admin.analytics;

import com.masseurmatch.waitlist.ivr.admin.ChartSpec;
import com.masseurmatch.waitlist.ivr.admin.ConsoleFormats;
import com.masseurmatch.waitlist.model.console.Analytics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The analytics page's charts and tables, formatted from the store's {@link Analytics}. */
public record AnalyticsView(
    int days,
    ChartSpec volume,
    ChartSpec cost,
    List<HeatRow> heatmap,
    List<Stage> funnel,
    List<ConversionRow> paths,
    List<ConversionRow> languages,
    List<MonthRow> months,
    String estimate) {

  static final List<String> WEEKDAYS =
      List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

  /** One weekday of the heatmap: 24 cells, each with its count and a shade 0 to 5. */
  public record HeatRow(String weekday, List<HeatCell> hours) {}

  /** Calls in one hour and its shade. */
  public record HeatCell(int hour, long calls, int shade) {}

  /** One step of the funnel and its share of all calls. */
  public record Stage(String label, long count, long percent) {}

  /** A path's or a language's calls, signups and rate. */
  public record ConversionRow(String label, long calls, long signups, String rate) {}

  /** A month's figures beside the estimate. */
  public record MonthRow(
      String month,
      long calls,
      String minutes,
      String cost,
      String perCall,
      String perThreeMinutes) {}

  static AnalyticsView of(Analytics a, LocalDate first, LocalDate last, BigDecimal estimate) {
    Map<LocalDate, Analytics.Day> byDay =
        a.byDay().stream().collect(Collectors.toMap(Analytics.Day::day, Function.identity()));
    List<String> labels = new ArrayList<>();
    List<Long> calls = new ArrayList<>();
    List<Long> signups = new ArrayList<>();
    List<BigDecimal> cost = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      Analytics.Day day = byDay.get(d);
      labels.add(d.toString());
      calls.add(day == null ? 0 : day.calls());
      signups.add(day == null ? 0 : day.signups());
      cost.add(day == null ? BigDecimal.ZERO : day.costUsd());
    }
    ChartSpec volume =
        new ChartSpec(
            "line",
            false,
            labels,
            List.of(
                new ChartSpec.Series("Calls", calls), new ChartSpec.Series("Signups", signups)));
    ChartSpec costChart =
        new ChartSpec("bar", false, labels, List.of(new ChartSpec.Series("Cost (USD)", cost)));
    long max = a.hourOfWeek().stream().mapToLong(Analytics.HourOfWeek::calls).max().orElse(0);
    List<HeatRow> heat = new ArrayList<>();
    for (int w = 0; w < 7; w++) {
      List<HeatCell> hours = new ArrayList<>();
      for (int h = 0; h < 24; h++) {
        int weekday = w;
        int hour = h;
        long n =
            a.hourOfWeek().stream()
                .filter(c -> c.weekday() == weekday && c.hour() == hour)
                .mapToLong(Analytics.HourOfWeek::calls)
                .sum();
        hours.add(
            new HeatCell(
                h, n, max == 0 || n == 0 ? 0 : (int) Math.max(1, Math.ceil(5.0 * n / max))));
      }
      heat.add(new HeatRow(WEEKDAYS.get(w), hours));
    }
    Analytics.Funnel f = a.funnel();
    List<Stage> funnel =
        List.of(
            stage("Calls", f.calls(), f.calls()),
            stage("Chose in the menu", f.menuChoice(), f.calls()),
            stage("Reached Knotty or the fallback", f.assistant(), f.calls()),
            stage("Signed up", f.signedUp(), f.calls()));
    List<ConversionRow> paths =
        a.byPath().stream().map(p -> conversion(p.path(), p.calls(), p.signups())).toList();
    List<ConversionRow> languages =
        a.byLanguage().stream()
            .map(l -> conversion(language(l.language()), l.calls(), l.signups()))
            .toList();
    List<MonthRow> months = a.monthly().stream().map(AnalyticsView::month).toList();
    return new AnalyticsView(
        (int) (last.toEpochDay() - first.toEpochDay() + 1),
        volume,
        costChart,
        heat,
        funnel,
        paths,
        languages,
        months,
        ConsoleFormats.usd(estimate));
  }

  private static ConversionRow conversion(String label, long calls, long signups) {
    return new ConversionRow(label, calls, signups, ConsoleFormats.percent(signups, calls));
  }

  /** A language's name in its own words; calls that recorded none are "not recorded". */
  static String language(String code) {
    if (code == null) {
      return "not recorded";
    }
    return switch (code) {
      case "en" -> "English";
      case "es" -> "Español";
      case "fr" -> "Français";
      default -> code;
    };
  }

  private static Stage stage(String label, long count, long calls) {
    return new Stage(label, count, calls == 0 ? 0 : Math.round(100.0 * count / calls));
  }

  private static MonthRow month(Analytics.Month m) {
    String perCall =
        m.calls() == 0
            ? "—"
            : ConsoleFormats.usd(
                m.costUsd().divide(BigDecimal.valueOf(m.calls()), 4, RoundingMode.HALF_UP));
    String perThree =
        m.seconds() == 0
            ? "—"
            : ConsoleFormats.usd(
                m.costUsd()
                    .multiply(BigDecimal.valueOf(180))
                    .divide(BigDecimal.valueOf(m.seconds()), 4, RoundingMode.HALF_UP));
    return new MonthRow(
        m.month(),
        m.calls(),
        ConsoleFormats.minutes(m.seconds()),
        ConsoleFormats.usd(m.costUsd()),
        perCall,
        perThree);
  }
}
