package com.masseurmatch.waitlist.model.store.embedded;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.analysis.CallAnalysis;
import com.masseurmatch.waitlist.model.analysis.CallInsight;
import com.masseurmatch.waitlist.model.analysis.SentimentDay;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The analysis on the embedded {@code calls} rows, with the contract of the Supabase functions. */
public final class EmbeddedAnalysisStore implements AnalysisStore {

  private static final String COLUMNS =
      "call_sid, from_number, started_at, ended_at, path, outcome, waitlist_id, cost_usd,"
          + " recording_consent, recording_consent_at, recording_consent_method, analysis,"
          + " analysis_status, analysis_model, analysis_usage, analysis_cost_usd, analysis_error,"
          + " analyzed_at";

  private final EmbeddedDatabase database;
  private final EmbeddedCallJson columns;
  private final Clock clock;

  public EmbeddedAnalysisStore(Path dataDir, ObjectMapper rowJson, Clock clock) {
    this.database = new EmbeddedDatabase(dataDir);
    this.columns = new EmbeddedCallJson(rowJson);
    this.clock = clock;
    EmbeddedRecordingSchema.apply(database);
  }

  @Override
  public boolean save(
      String callSid,
      CallAnalysis analysis,
      String model,
      Map<String, Long> usage,
      BigDecimal costUsd) {
    return database.write(
            c ->
                RecordingSql.update(
                    c,
                    "update calls set analysis = ?, analysis_status = 'done', analysis_model = ?,"
                        + " analysis_usage = ?, analysis_cost_usd = ?, analysis_error = null,"
                        + " analyzed_at = ? where call_sid = ?"
                        + " and analysis_status is not 'erased'",
                    write(analysis),
                    model,
                    write(usage),
                    costUsd == null ? null : costUsd.toPlainString(),
                    clock.millis(),
                    callSid))
        > 0;
  }

  @Override
  public boolean mark(String callSid, String status, String error) {
    return database.write(
            c ->
                RecordingSql.update(
                    c,
                    "update calls set analysis_status = ?, analysis_error = substr(?, 1, 500),"
                        + " analysis = case when ? = 'done' then analysis else null end,"
                        + " analyzed_at = case when ? = 'pending' then analyzed_at else ? end"
                        + " where call_sid = ? and analysis_status is not 'erased'",
                    status,
                    error,
                    status,
                    status,
                    clock.millis(),
                    callSid))
        > 0;
  }

  @Override
  public Optional<CallInsight> call(String callSid) {
    return database.read(c -> select(c, " where call_sid = ?", 0, 1, callSid)).stream().findFirst();
  }

  @Override
  public List<CallInsight> calls(boolean followUpOnly, int offset, int limit) {
    String where = followUpOnly ? " where json_extract(analysis, '$.follow_up') = 1" : "";
    return database.read(
        c -> select(c, where, Math.max(0, offset), Math.max(1, Math.min(500, limit))));
  }

  @Override
  public List<SentimentDay> sentimentByDay(Instant from, Instant to) {
    return database.read(
        c -> {
          List<SentimentDay> days = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "select date(coalesce(started_at, ended_at) / 1000, 'unixepoch') as day,"
                      + " count(*) as calls,"
                      + " avg(json_extract(analysis, '$.sentiment')) as sentiment from calls"
                      + " where analysis_status = 'done'"
                      + " and json_extract(analysis, '$.sentiment') is not null"
                      + " and coalesce(started_at, ended_at) >= ?"
                      + " and coalesce(started_at, ended_at) < ? group by day order by day")) {
            RecordingSql.bind(select, from.toEpochMilli(), to.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                days.add(
                    new SentimentDay(
                        LocalDate.parse(rows.getString("day")),
                        rows.getLong("calls"),
                        BigDecimal.valueOf(rows.getDouble("sentiment"))
                            .setScale(3, RoundingMode.HALF_UP)));
              }
            }
          }
          return days;
        });
  }

  private List<CallInsight> select(
      Connection c, String where, int offset, int limit, Object... args) throws SQLException {
    List<CallInsight> calls = new ArrayList<>();
    Object[] all = new Object[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = limit;
    all[args.length + 1] = offset;
    try (PreparedStatement select =
        c.prepareStatement(
            "select "
                + COLUMNS
                + " from calls"
                + where
                + " order by coalesce(started_at, ended_at) is null,"
                + " coalesce(started_at, ended_at) desc, call_sid limit ? offset ?")) {
      RecordingSql.bind(select, all);
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          calls.add(row(r));
        }
      }
    }
    return calls;
  }

  private CallInsight row(ResultSet r) throws SQLException {
    String waitlistId = r.getString("waitlist_id");
    String cost = r.getString("cost_usd");
    String analysisCost = r.getString("analysis_cost_usd");
    return new CallInsight(
        r.getString("call_sid"),
        r.getString("from_number"),
        EmbeddedCallRecordStore.instant(r, "started_at"),
        EmbeddedCallRecordStore.instant(r, "ended_at"),
        r.getString("path"),
        r.getString("outcome"),
        waitlistId == null ? null : UUID.fromString(waitlistId),
        cost == null ? null : new BigDecimal(cost),
        r.getString("recording_consent"),
        EmbeddedCallRecordStore.instant(r, "recording_consent_at"),
        r.getString("recording_consent_method"),
        read(r.getString("analysis"), new TypeReference<CallAnalysis>() {}),
        r.getString("analysis_status"),
        r.getString("analysis_model"),
        read(r.getString("analysis_usage"), new TypeReference<Map<String, Long>>() {}),
        analysisCost == null ? null : new BigDecimal(analysisCost),
        r.getString("analysis_error"),
        EmbeddedCallRecordStore.instant(r, "analyzed_at"));
  }

  private String write(Object value) {
    return columns.write(value, "an analysis");
  }

  private <T> T read(String text, TypeReference<T> type) {
    return columns.read(text, type);
  }
}
