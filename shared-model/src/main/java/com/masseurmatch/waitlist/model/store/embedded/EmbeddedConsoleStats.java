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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's aggregations on the embedded database: the same queries as the SQL functions {@code
 * console_overview} and {@code console_analytics} of the Supabase migration, in SQLite.
 */
final class EmbeddedConsoleStats {

  private static final String DAY = "strftime('%Y-%m-%d', started_at / 1000, 'unixepoch')";
  private static final String ENDED = "ended_at is not null and ended_at >= started_at";

  private final EmbeddedDatabase database;

  EmbeddedConsoleStats(EmbeddedDatabase database) {
    this.database = database;
  }

  Overview overview(Instant now) {
    Map<String, Long> since = new LinkedHashMap<>();
    since.put(
        "today",
        now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant().toEpochMilli());
    since.put("7d", now.minus(7, ChronoUnit.DAYS).toEpochMilli());
    since.put("30d", now.minus(30, ChronoUnit.DAYS).toEpochMilli());
    long end = now.toEpochMilli();
    return database.read(
        c -> {
          List<Overview.Window> windows = new ArrayList<>();
          List<Overview.PathCount> paths = new ArrayList<>();
          for (Map.Entry<String, Long> window : since.entrySet()) {
            long from = window.getValue();
            windows.add(window(c, window.getKey(), from, end));
            try (ResultSet rows =
                query(
                    c,
                    "select path, count(*), sum(outcome = 'signed_up') from calls"
                        + " where started_at >= ? and started_at <= ? and path is not null"
                        + " group by path order by path",
                    from,
                    end)) {
              while (rows.next()) {
                paths.add(
                    new Overview.PathCount(
                        window.getKey(), rows.getString(1), rows.getLong(2), rows.getLong(3)));
              }
            }
            long web =
                single(
                    c,
                    "select count(*) from waitlist where source = 'web'"
                        + " and created_at >= ? and created_at <= ?",
                    from,
                    end);
            paths.add(new Overview.PathCount(window.getKey(), "web", web, web));
          }
          List<Overview.DaySignups> days = new ArrayList<>();
          try (ResultSet rows =
              query(
                  c,
                  "select strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') as day, role,"
                      + " count(*) from waitlist where created_at >= ? and created_at <= ?"
                      + " group by day, role order by day, role",
                  since.get("30d"),
                  end)) {
            while (rows.next()) {
              days.add(
                  new Overview.DaySignups(
                      LocalDate.parse(rows.getString(1)), rows.getString(2), rows.getLong(3)));
            }
          }
          return new Overview(windows, paths, days);
        });
  }

  private static Overview.Window window(Connection c, String name, long from, long end)
      throws SQLException {
    long calls;
    long failures;
    BigDecimal cost;
    try (ResultSet rows =
        query(
            c,
            "select count(*), coalesce(sum(outcome = 'failed'), 0),"
                + " total(cast(cost_usd as real)) from calls"
                + " where started_at >= ? and started_at <= ?",
            from,
            end)) {
      rows.next();
      calls = rows.getLong(1);
      failures = rows.getLong(2);
      cost = money(rows.getDouble(3));
    }
    long signups =
        single(
            c,
            "select count(*) from waitlist where created_at >= ? and created_at <= ?",
            from,
            end);
    return new Overview.Window(name, calls, signups, failures, cost, median(c, from, end));
  }

  /** The lower median, as PostgreSQL's {@code percentile_disc(0.5)}. */
  private static Double median(Connection c, long from, long end) throws SQLException {
    String where = " from calls where started_at >= ? and started_at <= ? and " + ENDED;
    long ended = single(c, "select count(*)" + where, from, end);
    if (ended == 0) {
      return null;
    }
    try (ResultSet rows =
        query(
            c,
            "select ended_at - started_at as length" + where + " order by length limit 1 offset ?",
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
          try (ResultSet rows =
              query(
                  c,
                  "select "
                      + DAY
                      + " as day, count(*), sum(outcome = 'signed_up'),"
                      + " total(cast(cost_usd as real))"
                      + range
                      + " group by day order by day",
                  start,
                  end)) {
            while (rows.next()) {
              days.add(
                  new Analytics.Day(
                      LocalDate.parse(rows.getString(1)),
                      rows.getLong(2),
                      rows.getLong(3),
                      money(rows.getDouble(4))));
            }
          }
          List<Analytics.HourOfWeek> hours = new ArrayList<>();
          try (ResultSet rows =
              query(
                  c,
                  "select (cast(strftime('%w', started_at / 1000, 'unixepoch') as integer) + 6) % 7"
                      + " as weekday, cast(strftime('%H', started_at / 1000, 'unixepoch')"
                      + " as integer) as hour, count(*)"
                      + range
                      + " group by weekday, hour order by weekday, hour",
                  start,
                  end)) {
            while (rows.next()) {
              hours.add(new Analytics.HourOfWeek(rows.getInt(1), rows.getInt(2), rows.getLong(3)));
            }
          }
          Analytics.Funnel funnel;
          try (ResultSet rows =
              query(
                  c,
                  "select count(*), coalesce(sum(path is not null), 0),"
                      + " coalesce(sum(path in ('realtime', 'fallback', 'scripted')), 0),"
                      + " coalesce(sum(outcome = 'signed_up'), 0)"
                      + range,
                  start,
                  end)) {
            rows.next();
            funnel =
                new Analytics.Funnel(
                    rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
          }
          List<Analytics.PathConversion> paths = new ArrayList<>();
          try (ResultSet rows =
              query(
                  c,
                  "select path, count(*), sum(outcome = 'signed_up')"
                      + range
                      + " and path is not null group by path order by path",
                  start,
                  end)) {
            while (rows.next()) {
              paths.add(
                  new Analytics.PathConversion(
                      rows.getString(1), rows.getLong(2), rows.getLong(3)));
            }
          }
          List<Analytics.Month> months = new ArrayList<>();
          try (ResultSet rows =
              query(
                  c,
                  "select strftime('%Y-%m', started_at / 1000, 'unixepoch') as month, count(*),"
                      + " coalesce(sum(case when "
                      + ENDED
                      + " then ended_at - started_at end), 0) / 1000,"
                      + " total(cast(cost_usd as real))"
                      + range
                      + " group by month order by month",
                  start,
                  end)) {
            while (rows.next()) {
              months.add(
                  new Analytics.Month(
                      rows.getString(1),
                      rows.getLong(2),
                      rows.getLong(3),
                      money(rows.getDouble(4))));
            }
          }
          return new Analytics(days, hours, funnel, paths, months);
        });
  }

  private static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
  }

  private static long single(Connection c, String sql, Object... args) throws SQLException {
    try (ResultSet rows = query(c, sql, args)) {
      rows.next();
      return rows.getLong(1);
    }
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
