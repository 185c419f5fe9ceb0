package com.masseurmatch.waitlist.model.store.embedded;

import com.masseurmatch.waitlist.model.console.Analytics;
import com.masseurmatch.waitlist.model.console.Overview;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's aggregations on the embedded database: the answers of the SQL functions {@code
 * console_overview} and {@code console_analytics} of the Supabase migration, computed in SQLite
 * with as few passes over the covering indexes as possible. Days and hours are integer arithmetic
 * on the epoch milliseconds (UTC; 1970-01-01 was a Thursday), which SQLite does far faster than its
 * date functions.
 */
final class EmbeddedConsoleStats {

  private static final long DAY = 86_400_000L;
  private static final String ENDED = "ended_at is not null and ended_at >= started_at";
  private static final String[] WINDOWS = {"today", "7d", "30d"};

  private final EmbeddedDatabase database;

  EmbeddedConsoleStats(EmbeddedDatabase database) {
    this.database = database;
  }

  Overview overview(Instant now) {
    long[] since = {
      now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant().toEpochMilli(),
      now.minus(7, ChronoUnit.DAYS).toEpochMilli(),
      now.minus(30, ChronoUnit.DAYS).toEpochMilli()
    };
    long end = now.toEpochMilli();
    return database.read(
        c -> {
          long[] calls = new long[3];
          long[] failures = new long[3];
          long[] ended = new long[3];
          double[] cost = new double[3];
          try (ResultSet rows =
              query(
                  c,
                  "select "
                      + perWindow("1")
                      + ", "
                      + perWindow("outcome = 'failed'")
                      + ", "
                      + perWindow(ENDED)
                      + ", total(case when started_at >= ? then cast(cost_usd as real) end),"
                      + " total(case when started_at >= ? then cast(cost_usd as real) end),"
                      + " total(cast(cost_usd as real))"
                      + " from calls where started_at >= ? and started_at <= ?",
                  since[0],
                  since[1],
                  since[0],
                  since[1],
                  since[0],
                  since[1],
                  since[0],
                  since[1],
                  since[2],
                  end)) {
            rows.next();
            for (int w = 0; w < 3; w++) {
              calls[w] = rows.getLong(1 + w);
              failures[w] = rows.getLong(4 + w);
              ended[w] = rows.getLong(7 + w);
              cost[w] = rows.getDouble(10 + w);
            }
          }
          long[] signups = new long[3];
          long[] web = new long[3];
          try (ResultSet rows =
              query(
                  c,
                  "select "
                      + perWindow("1", "created_at")
                      + ", "
                      + perWindow("source = 'web'", "created_at")
                      + " from waitlist where created_at >= ? and created_at <= ?",
                  since[0],
                  since[1],
                  since[0],
                  since[1],
                  since[2],
                  end)) {
            rows.next();
            for (int w = 0; w < 3; w++) {
              signups[w] = rows.getLong(1 + w);
              web[w] = rows.getLong(4 + w);
            }
          }
          List<Overview.Window> windows = new ArrayList<>();
          for (int w = 0; w < 3; w++) {
            windows.add(
                new Overview.Window(
                    WINDOWS[w],
                    calls[w],
                    signups[w],
                    failures[w],
                    money(cost[w]),
                    median(c, since[w], end, ended[w])));
          }
          List<Overview.PathCount> paths = new ArrayList<>();
          List<List<Overview.PathCount>> byWindow =
              List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
          try (ResultSet rows =
              query(
                  c,
                  "select path, "
                      + perWindow("1")
                      + ", "
                      + perWindow("outcome = 'signed_up'")
                      + " from calls where started_at >= ? and started_at <= ?"
                      + " and path is not null group by path order by path",
                  since[0],
                  since[1],
                  since[0],
                  since[1],
                  since[2],
                  end)) {
            while (rows.next()) {
              for (int w = 0; w < 3; w++) {
                long n = rows.getLong(2 + w);
                if (n > 0) {
                  byWindow
                      .get(w)
                      .add(
                          new Overview.PathCount(
                              WINDOWS[w], rows.getString(1), n, rows.getLong(5 + w)));
                }
              }
            }
          }
          for (int w = 0; w < 3; w++) {
            paths.addAll(byWindow.get(w));
            paths.add(new Overview.PathCount(WINDOWS[w], "web", web[w], web[w]));
          }
          List<Overview.DaySignups> days = new ArrayList<>();
          try (ResultSet rows =
              query(
                  c,
                  "select created_at / "
                      + DAY
                      + " as day, role, count(*) from waitlist"
                      + " where created_at >= ? and created_at <= ? group by day, role"
                      + " order by day, role",
                  since[2],
                  end)) {
            while (rows.next()) {
              days.add(
                  new Overview.DaySignups(
                      LocalDate.ofEpochDay(rows.getLong(1)), rows.getString(2), rows.getLong(3)));
            }
          }
          return new Overview(windows, paths, days);
        });
  }

  /** Three conditional counts, one per window, on {@code started_at}. */
  private static String perWindow(String condition) {
    return perWindow(condition, "started_at");
  }

  private static String perWindow(String condition, String column) {
    return "coalesce(sum("
        + column
        + " >= ? and ("
        + condition
        + ")), 0),"
        + " coalesce(sum("
        + column
        + " >= ? and ("
        + condition
        + ")), 0),"
        + " coalesce(sum("
        + condition
        + "), 0)";
  }

  /** The lower median, as PostgreSQL's {@code percentile_disc(0.5)}. */
  private static Double median(Connection c, long from, long end, long ended) throws SQLException {
    if (ended == 0) {
      return null;
    }
    try (ResultSet rows =
        query(
            c,
            "select ended_at - started_at as length from calls"
                + " where started_at >= ? and started_at <= ? and "
                + ENDED
                + " order by length limit 1 offset ?",
            from,
            end,
            (ended - 1) / 2)) {
      rows.next();
      return rows.getLong(1) / 1000.0;
    }
  }

  Analytics analytics(Instant from, Instant to) {
    long start = from.toEpochMilli();
    long end = to.toEpochMilli();
    String range = " from calls where started_at >= ? and started_at < ?";
    return database.read(
        c -> {
          List<Analytics.Day> days = new ArrayList<>();
          Map<String, long[]> monthCounts = new TreeMap<>();
          Map<String, Double> monthCost = new TreeMap<>();
          try (ResultSet rows =
              query(
                  c,
                  "select started_at / "
                      + DAY
                      + " as day, count(*),"
                      + " coalesce(sum(outcome = 'signed_up'), 0), total(cast(cost_usd as real)),"
                      + " coalesce(sum(case when "
                      + ENDED
                      + " then ended_at - started_at end), 0)"
                      + range
                      + " group by day order by day",
                  start,
                  end)) {
            while (rows.next()) {
              LocalDate day = LocalDate.ofEpochDay(rows.getLong(1));
              days.add(
                  new Analytics.Day(
                      day, rows.getLong(2), rows.getLong(3), money(rows.getDouble(4))));
              String month = day.toString().substring(0, 7);
              long[] counts = monthCounts.computeIfAbsent(month, m -> new long[2]);
              counts[0] += rows.getLong(2);
              counts[1] += rows.getLong(5);
              monthCost.merge(month, rows.getDouble(4), Double::sum);
            }
          }
          List<Analytics.HourOfWeek> hours = new ArrayList<>();
          try (ResultSet rows =
              query(
                  c,
                  "select (started_at / "
                      + DAY
                      + " + 3) % 7 as weekday,"
                      + " (started_at / 3600000) % 24 as hour, count(*)"
                      + range
                      + " group by weekday, hour order by weekday, hour",
                  start,
                  end)) {
            while (rows.next()) {
              hours.add(new Analytics.HourOfWeek(rows.getInt(1), rows.getInt(2), rows.getLong(3)));
            }
          }
          long calls = 0;
          long chose = 0;
          long assistant = 0;
          long signedUp = 0;
          List<Analytics.PathConversion> paths = new ArrayList<>();
          try (ResultSet rows =
              query(
                  c,
                  "select path, count(*), coalesce(sum(outcome = 'signed_up'), 0)"
                      + range
                      + " group by path order by path",
                  start,
                  end)) {
            while (rows.next()) {
              String path = rows.getString(1);
              long n = rows.getLong(2);
              long signed = rows.getLong(3);
              calls += n;
              signedUp += signed;
              if (path != null) {
                chose += n;
                paths.add(new Analytics.PathConversion(path, n, signed));
                if (path.equals("realtime") || path.equals("fallback") || path.equals("scripted")) {
                  assistant += n;
                }
              }
            }
          }
          List<Analytics.Month> months = new ArrayList<>();
          monthCounts.forEach(
              (month, counts) ->
                  months.add(
                      new Analytics.Month(
                          month,
                          counts[0],
                          Math.round(counts[1] / 1000.0),
                          money(monthCost.get(month)))));
          return new Analytics(
              days, hours, new Analytics.Funnel(calls, chose, assistant, signedUp), paths, months);
        });
  }

  private static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
  }

  /** Runs a query; the statement closes with its result set. */
  private static ResultSet query(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    statement.closeOnCompletion();
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement.executeQuery();
  }
}
