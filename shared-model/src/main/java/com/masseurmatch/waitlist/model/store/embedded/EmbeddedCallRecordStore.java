package com.masseurmatch.waitlist.model.store.embedded;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.console.CallSummary;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Call records in the embedded database; an upsert writes only the fields that are set. */
public final class EmbeddedCallRecordStore implements CallRecordStore {

  private static final String COLUMNS =
      "call_sid, from_number, started_at, ended_at, path, outcome, waitlist_id, transcript,"
          + " usage, cost_usd, collected, assistant_state, language, experiment_id, variant,"
          + " chat_usage, chat_cost_usd";

  private final EmbeddedDatabase database;
  private final EmbeddedCallJson columns;

  public EmbeddedCallRecordStore(EmbeddedDatabase database, ObjectMapper json) {
    this.database = database;
    this.columns = new EmbeddedCallJson(json);
  }

  @Override
  public void upsert(CallRecord record) {
    database.write(
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "insert into calls ("
                      + COLUMNS
                      + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " on conflict (call_sid) do update"
                      + " set from_number = coalesce(excluded.from_number, from_number),"
                      + " started_at = coalesce(excluded.started_at, started_at),"
                      + " ended_at = coalesce(excluded.ended_at, ended_at),"
                      + " path = coalesce(excluded.path, path),"
                      + " outcome = coalesce(excluded.outcome, outcome),"
                      + " waitlist_id = coalesce(excluded.waitlist_id, waitlist_id),"
                      + " transcript = coalesce(excluded.transcript, transcript),"
                      + " usage = coalesce(excluded.usage, usage),"
                      + " cost_usd = coalesce(excluded.cost_usd, cost_usd),"
                      + " collected = coalesce(excluded.collected, collected),"
                      + " assistant_state = coalesce(excluded.assistant_state, assistant_state),"
                      + " language = coalesce(excluded.language, language),"
                      + " experiment_id = coalesce(excluded.experiment_id, experiment_id),"
                      + " variant = coalesce(excluded.variant, variant),"
                      + " chat_usage = coalesce(excluded.chat_usage, chat_usage),"
                      + " chat_cost_usd = coalesce(excluded.chat_cost_usd, chat_cost_usd)")) {
            upsert.setString(1, record.callSid());
            upsert.setString(2, record.fromNumber());
            setInstant(upsert, 3, record.startedAt());
            setInstant(upsert, 4, record.endedAt());
            upsert.setString(5, record.path() == null ? null : record.path().wireName());
            upsert.setString(6, record.outcome() == null ? null : record.outcome().wireName());
            upsert.setString(
                7, record.waitlistId() == null ? null : record.waitlistId().toString());
            upsert.setString(8, toJson(record.transcript()));
            upsert.setString(9, toJson(record.usage()));
            upsert.setString(
                10, record.costUsd() == null ? null : record.costUsd().toPlainString());
            upsert.setString(11, toJson(record.collected()));
            upsert.setString(12, toJson(record.assistantState()));
            upsert.setString(13, record.language());
            upsert.setString(
                14, record.experimentId() == null ? null : record.experimentId().toString());
            upsert.setString(15, record.variant());
            upsert.setString(16, toJson(record.chatUsage()));
            upsert.setString(
                17, record.chatCostUsd() == null ? null : record.chatCostUsd().toPlainString());
            upsert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<CallRecord> find(String callSid) {
    return database.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement("select " + COLUMNS + " from calls where call_sid = ?")) {
            select.setString(1, callSid);
            try (ResultSet rows = select.executeQuery()) {
              return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<CallRecord> recent(int limit) {
    return database.read(
        connection -> {
          List<CallRecord> records = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select "
                      + COLUMNS
                      + " from calls order by started_at is null, started_at desc limit ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                records.add(row(rows));
              }
            }
          }
          return records;
        });
  }

  private CallRecord row(ResultSet rows) throws SQLException {
    CallSummary call = summary(rows);
    String experimentId = rows.getString("experiment_id");
    String chatCost = rows.getString("chat_cost_usd");
    return new CallRecord(
        call.callSid(),
        call.fromNumber(),
        call.startedAt(),
        call.endedAt(),
        call.path(),
        call.outcome(),
        call.waitlistId(),
        fromJson(rows.getString("transcript"), new TypeReference<List<TranscriptTurn>>() {}),
        fromJson(rows.getString("usage"), new TypeReference<Map<String, Long>>() {}),
        call.costUsd(),
        fromJson(rows.getString("collected"), new TypeReference<Map<String, String>>() {}),
        fromJson(rows.getString("assistant_state"), new TypeReference<Map<String, Object>>() {}),
        rows.getString("language"),
        experimentId == null ? null : UUID.fromString(experimentId),
        rows.getString("variant"),
        fromJson(rows.getString("chat_usage"), new TypeReference<Map<String, Long>>() {}),
        chatCost == null ? null : new BigDecimal(chatCost));
  }

  /** A row's plain columns (no transcript, usage or state), as the console lists calls. */
  static CallSummary summary(ResultSet rows) throws SQLException {
    String path = rows.getString("path");
    String outcome = rows.getString("outcome");
    String waitlistId = rows.getString("waitlist_id");
    String cost = rows.getString("cost_usd");
    return new CallSummary(
        rows.getString("call_sid"),
        rows.getString("from_number"),
        instant(rows, "started_at"),
        instant(rows, "ended_at"),
        path == null ? null : CallPath.fromWire(path),
        outcome == null ? null : CallOutcome.fromWire(outcome),
        waitlistId == null ? null : UUID.fromString(waitlistId),
        cost == null ? null : new BigDecimal(cost),
        rows.getString("language"),
        rows.getString("variant"));
  }

  static void setInstant(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, value.toEpochMilli());
    }
  }

  static Instant instant(ResultSet rows, String column) throws SQLException {
    long millis = rows.getLong(column);
    return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private String toJson(Object value) {
    return columns.write(value, "a call record field");
  }

  private <T> T fromJson(String text, TypeReference<T> type) {
    return columns.read(text, type);
  }
}
