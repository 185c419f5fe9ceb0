package com.masseurmatch.waitlist.model.store.embedded;

import com.masseurmatch.waitlist.model.console.Overview;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's front page on the embedded database: the answer of the SQL function {@code
 * console_overview} of the Supabase migration, computed in SQLite with as few passes over the
 * covering indexes as possible. Days are integer arithmetic on the epoch milliseconds (UTC), which
 * SQLite does far faster than its date functions.
 */
final class EmbeddedOverview {

  static final long DAY = 86_400_000L;
  static final String ENDED = "ended_at is not null and ended_at >= started_at";
  private static final String[] WINDOWS = {"today", "7d", "30d"};

  private final EmbeddedDatabase database;

  EmbeddedOverview(EmbeddedDatabase database) {
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
              EmbeddedSql.query(
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
                  windows(since, 4, end))) {
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
              EmbeddedSql.query(
                  c,
                  "select "
                      + perWindow("1", "created_at")
                      + ", "
                      + perWindow("source = 'web'", "created_at")
                      + " from waitlist where created_at >= ? and created_at <= ?",
                  windows(since, 2, end))) {
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
              EmbeddedSql.query(
                  c,
                  "select path, "
                      + perWindow("1")
                      + ", "
                      + perWindow("outcome = 'signed_up'")
                      + " from calls where started_at >= ? and started_at <= ?"
                      + " and path is not null group by path order by path",
                  windows(since, 2, end))) {
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
              EmbeddedSql.query(
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

  /**
   * The arguments of {@code columns} {@link #perWindow} columns (the starts of today and of the 7
   * days each), then the range of the 30 days.
   */
  private static Object[] windows(long[] since, int columns, long end) {
    Object[] args = new Object[columns * 2 + 2];
    for (int i = 0; i < columns; i++) {
      args[2 * i] = since[0];
      args[2 * i + 1] = since[1];
    }
    args[columns * 2] = since[2];
    args[columns * 2 + 1] = end;
    return args;
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
        EmbeddedSql.query(
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

  static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
  }
}
