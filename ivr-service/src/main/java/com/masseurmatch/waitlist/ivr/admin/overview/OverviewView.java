package com.masseurmatch.waitlist.ivr.admin.overview;

import com.masseurmatch.waitlist.ivr.admin.ChartSpec;
import com.masseurmatch.waitlist.ivr.admin.ConsoleFormats;
import com.masseurmatch.waitlist.model.console.Overview;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The overview page's tables and chart, formatted from the store's {@link Overview}. */
public record OverviewView(
    List<String> windows,
    List<Row> totals,
    List<Row> paths,
    ChartSpec signupsByDay,
    List<Row> signupTable) {

  /** The windows' headings, in the store's order. */
  static final Map<String, String> HEADINGS =
      Map.of("today", "Today", "7d", "Last 7 days", "30d", "Last 30 days");

  /** How the console names each path. */
  static final Map<String, String> PATHS = new LinkedHashMap<>();

  static {
    PATHS.put("realtime", "Knotty (AI concierge)");
    PATHS.put("fallback", "Fallback assistant");
    PATHS.put("scripted", "Scripted form");
    PATHS.put("voicemail", "Voicemail");
    PATHS.put("transfer", "Transfer to the team");
    PATHS.put("web", "Web form");
  }

  /** A row heading and one cell per column. */
  public record Row(String label, List<String> cells) {}

  static OverviewView of(Overview overview, LocalDate today) {
    List<String> windows = overview.windows().stream().map(w -> HEADINGS.get(w.window())).toList();
    List<Row> totals = new ArrayList<>();
    totals.add(row("Calls", overview, w -> Long.toString(w.calls())));
    totals.add(row("Signups", overview, w -> Long.toString(w.signups())));
    totals.add(row("Failed calls", overview, w -> Long.toString(w.failures())));
    totals.add(row("Cost", overview, w -> ConsoleFormats.usd(w.costUsd())));
    totals.add(
        row(
            "Cost per signup",
            overview,
            w ->
                w.signups() == 0
                    ? "—"
                    : ConsoleFormats.usd(
                        w.costUsd()
                            .divide(BigDecimal.valueOf(w.signups()), 4, RoundingMode.HALF_UP))));
    totals.add(row("Median call length", overview, w -> ConsoleFormats.length(w.medianSeconds())));
    List<Row> paths = new ArrayList<>();
    for (Map.Entry<String, String> path : PATHS.entrySet()) {
      List<String> cells = new ArrayList<>();
      boolean any = false;
      for (Overview.Window w : overview.windows()) {
        Overview.PathCount count =
            overview.paths().stream()
                .filter(p -> p.window().equals(w.window()) && p.path().equals(path.getKey()))
                .findFirst()
                .orElse(new Overview.PathCount(w.window(), path.getKey(), 0, 0));
        any |= count.calls() > 0;
        cells.add(
            path.getKey().equals("web")
                ? count.signups() + " signups"
                : count.signups()
                    + " of "
                    + count.calls()
                    + " ("
                    + ConsoleFormats.percent(count.signups(), count.calls())
                    + ")");
      }
      if (any || path.getKey().equals("realtime") || path.getKey().equals("web")) {
        paths.add(new Row(path.getValue(), cells));
      }
    }
    List<String> days = new ArrayList<>();
    List<Long> therapists = new ArrayList<>();
    List<Long> clients = new ArrayList<>();
    List<Row> table = new ArrayList<>();
    for (LocalDate day = today.minusDays(29); !day.isAfter(today); day = day.plusDays(1)) {
      LocalDate d = day;
      long t = count(overview, d, "therapist");
      long c = count(overview, d, "client");
      days.add(d.toString());
      therapists.add(t);
      clients.add(c);
      if (t + c > 0) {
        table.add(new Row(d.toString(), List.of(Long.toString(t), Long.toString(c))));
      }
    }
    ChartSpec chart =
        new ChartSpec(
            "bar",
            true,
            days,
            List.of(
                new ChartSpec.Series("Therapists", therapists),
                new ChartSpec.Series("Clients", clients)));
    return new OverviewView(windows, totals, paths, chart, table);
  }

  private static long count(Overview overview, LocalDate day, String role) {
    return overview.signupsByDay().stream()
        .filter(s -> s.day().equals(day) && s.role().equals(role))
        .mapToLong(Overview.DaySignups::signups)
        .sum();
  }

  private static Row row(
      String label, Overview overview, java.util.function.Function<Overview.Window, String> cell) {
    return new Row(label, overview.windows().stream().map(cell).toList());
  }
}
