package com.masseurmatch.waitlist.model.store.embedded;

import static com.masseurmatch.waitlist.model.store.embedded.EmbeddedOverview.DAY;
import static com.masseurmatch.waitlist.model.store.embedded.EmbeddedOverview.ENDED;
import static com.masseurmatch.waitlist.model.store.embedded.EmbeddedOverview.money;

import com.masseurmatch.waitlist.model.console.Analytics;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's analytics on the embedded database: the answer of the SQL function {@code
 * console_analytics} of the Supabase migration. Days and hours are integer arithmetic on the epoch
 * milliseconds (UTC; 1970-01-01 was a Thursday).
 */
final class EmbeddedAnalytics {

  private final EmbeddedDatabase database;

  EmbeddedAnalytics(EmbeddedDatabase database) {
    this.database = database;
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
              EmbeddedSql.query(
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
              EmbeddedSql.query(
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
              EmbeddedSql.query(
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
          List<Analytics.LanguageConversion> languages = new ArrayList<>();
          try (ResultSet rows =
              EmbeddedSql.query(
                  c,
                  "select language, count(*), coalesce(sum(outcome = 'signed_up'), 0)"
                      + range
                      + " group by language order by language is null, language",
                  start,
                  end)) {
            while (rows.next()) {
              languages.add(
                  new Analytics.LanguageConversion(
                      rows.getString(1), rows.getLong(2), rows.getLong(3)));
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
              days,
              hours,
              new Analytics.Funnel(calls, chose, assistant, signedUp),
              paths,
              months,
              languages);
        });
  }
}
