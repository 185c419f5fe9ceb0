package com.masseurmatch.waitlist.model.store.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.experiment.ArmTotals;
import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.ExperimentConflictException;
import com.masseurmatch.waitlist.model.experiment.ExperimentStore;
import com.masseurmatch.waitlist.model.experiment.Variant;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Experiments in the embedded database, as in the Supabase migration. */
public final class EmbeddedExperimentStore implements ExperimentStore {

  private static final String COLUMNS = EmbeddedExperimentRows.COLUMNS;

  private final EmbeddedDatabase database;
  private final ObjectMapper json;
  private final Clock clock;

  public EmbeddedExperimentStore(Path dataDir, ObjectMapper json, Clock clock) {
    this.database = new EmbeddedDatabase(dataDir);
    this.json = json;
    this.clock = clock;
    database.apply(EmbeddedExperimentRows.SCHEMA);
  }

  @Override
  public Experiment create(String name, String language, List<Variant> variants) {
    UUID id = UUID.randomUUID();
    database.write(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into experiments (id, name, language, variants, created_at)"
                      + " values (?, ?, ?, ?, ?)")) {
            insert.setString(1, id.toString());
            insert.setString(2, name);
            insert.setString(3, language);
            insert.setString(4, EmbeddedExperimentRows.variants(variants, json));
            insert.setLong(5, clock.millis());
            insert.executeUpdate();
          }
          return null;
        });
    return find(id).orElseThrow();
  }

  @Override
  public Optional<Experiment> find(UUID id) {
    return database.read(connection -> one(connection, id));
  }

  @Override
  public List<Experiment> list() {
    return database.read(
        connection -> select(connection, "order by created_at desc, id desc", List.of()));
  }

  @Override
  public List<Experiment> running() {
    return database.read(
        connection ->
            select(connection, "where status = 'running' order by started_at", List.of()));
  }

  @Override
  public Optional<Experiment> start(UUID id) {
    return database.write(
        connection -> {
          Optional<Experiment> target = one(connection, id);
          if (target.isEmpty() || target.get().running()) {
            return target;
          }
          for (Experiment other :
              select(connection, "where status = 'running' and id <> ?", List.of(id.toString()))) {
            if (other.overlaps(target.get())) {
              throw ExperimentConflictException.with(other);
            }
          }
          update(
              connection,
              "update experiments set status = 'running', started_at = coalesce(started_at, ?),"
                  + " stopped_at = null where id = ?",
              clock.millis(),
              id);
          return one(connection, id);
        });
  }

  @Override
  public Optional<Experiment> stop(UUID id) {
    return database.write(
        connection -> {
          update(
              connection,
              "update experiments set stopped_at = case when status = 'running' then ?"
                  + " else stopped_at end, status = 'stopped' where id = ?",
              clock.millis(),
              id);
          return one(connection, id);
        });
  }

  @Override
  public Optional<Experiment> pause(UUID id, String variant, String reason) {
    return database.write(
        connection -> {
          Optional<Experiment> found = one(connection, id);
          if (found.isEmpty()) {
            return found;
          }
          List<Variant> variants = new ArrayList<>();
          for (Variant v : found.get().variants()) {
            variants.add(v.name().equals(variant) ? v.paused(reason) : v);
          }
          try (PreparedStatement update =
              connection.prepareStatement("update experiments set variants = ? where id = ?")) {
            update.setString(1, EmbeddedExperimentRows.variants(variants, json));
            update.setString(2, id.toString());
            update.executeUpdate();
          }
          return one(connection, id);
        });
  }

  @Override
  public List<ArmTotals> totals(UUID id) {
    return database.read(
        connection -> {
          Map<String, Arm> arms = new LinkedHashMap<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select c.variant, c.outcome, c.started_at, c.ended_at, c.cost_usd,"
                      + " c.chat_cost_usd from calls c join experiments e on e.id = c.experiment_id"
                      + " where c.experiment_id = ? and c.variant is not null"
                      + " and (e.language is null or c.language = e.language)")) {
            select.setString(1, id.toString());
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                arms.computeIfAbsent(rows.getString("variant"), Arm::new).add(rows);
              }
            }
          }
          return arms.values().stream().map(Arm::totals).toList();
        });
  }

  private Optional<Experiment> one(Connection connection, UUID id) throws SQLException {
    return select(connection, "where id = ?", List.of(id.toString())).stream().findFirst();
  }

  private List<Experiment> select(Connection connection, String where, List<String> args)
      throws SQLException {
    List<Experiment> found = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement("select " + COLUMNS + " from experiments " + where)) {
      for (int i = 0; i < args.size(); i++) {
        select.setString(i + 1, args.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(EmbeddedExperimentRows.experiment(rows, json));
        }
      }
    }
    return found;
  }

  private static void update(Connection connection, String sql, long now, UUID id)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setLong(1, now);
      update.setString(2, id.toString());
      update.executeUpdate();
    }
  }

  /** One variant's calls as they are read. */
  private static final class Arm {
    private final String variant;
    private final List<Double> seconds = new ArrayList<>();
    private long calls;
    private long signups;
    private long abandoned;
    private BigDecimal cost = BigDecimal.ZERO;

    Arm(String variant) {
      this.variant = variant;
    }

    void add(ResultSet row) throws SQLException {
      calls++;
      String outcome = row.getString("outcome");
      if ("signed_up".equals(outcome)) {
        signups++;
      } else if ("abandoned".equals(outcome)) {
        abandoned++;
      }
      var started = EmbeddedCallRecordStore.instant(row, "started_at");
      var ended = EmbeddedCallRecordStore.instant(row, "ended_at");
      if (started != null && ended != null) {
        seconds.add((ended.toEpochMilli() - started.toEpochMilli()) / 1000.0);
      }
      for (String column : List.of("cost_usd", "chat_cost_usd")) {
        String value = row.getString(column);
        if (value != null) {
          cost = cost.add(new BigDecimal(value));
        }
      }
    }

    ArmTotals totals() {
      return new ArmTotals(variant, calls, signups, abandoned, median(seconds), cost);
    }

    /** As PostgreSQL's {@code percentile_cont(0.5)}: the middle value, or the middle two's mean. */
    static Double median(List<Double> values) {
      if (values.isEmpty()) {
        return null;
      }
      List<Double> sorted = values.stream().sorted().toList();
      int middle = sorted.size() / 2;
      return sorted.size() % 2 == 1
          ? sorted.get(middle)
          : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
  }
}
