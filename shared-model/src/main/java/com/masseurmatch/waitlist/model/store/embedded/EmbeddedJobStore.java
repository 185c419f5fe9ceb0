package com.masseurmatch.waitlist.model.store.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.job.Job;
import com.masseurmatch.waitlist.model.job.JobStats;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The job queue in the embedded database, with the contract of the Supabase functions. Every write
 * holds the database's write lock ({@code BEGIN IMMEDIATE}), so two processes sharing the file
 * never claim the same job.
 */
public final class EmbeddedJobStore implements JobStore {

  private static final Pattern KIND = Pattern.compile("^[a-z][a-z0-9_.-]{0,63}$");
  private static final String COLUMNS = EmbeddedJobRows.COLUMNS;

  private final EmbeddedDatabase database;
  private final ObjectMapper json;
  private final Clock clock;

  public EmbeddedJobStore(EmbeddedDatabase database, ObjectMapper json, Clock clock) {
    this.database = database;
    this.json = json;
    this.clock = clock;
    database.apply(EmbeddedJobRows.SCHEMA);
  }

  @Override
  public UUID enqueue(String kind, JsonNode payload, String dedupeKey, Instant runAt) {
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new StoreRejectedException(400, "23514", "job kind is not valid: " + kind, null);
    }
    String body = write(payload);
    return database.write(
        connection -> {
          if (dedupeKey != null) {
            UUID existing = idByDedupeKey(connection, dedupeKey);
            if (existing != null) {
              return existing;
            }
          }
          long now = clock.millis();
          UUID id = UUID.randomUUID();
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into jobs (id, kind, payload, dedupe_key, run_at, created_at,"
                      + " updated_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id.toString());
            insert.setString(2, kind);
            insert.setString(3, body);
            insert.setString(4, dedupeKey);
            insert.setLong(5, runAt == null ? now : runAt.toEpochMilli());
            insert.setLong(6, now);
            insert.setLong(7, now);
            insert.executeUpdate();
          }
          return id;
        });
  }

  @Override
  public List<Job> claim(String worker, Collection<String> kinds, int maxJobs, Duration lease) {
    if (worker == null || worker.isBlank()) {
      throw new StoreRejectedException(400, "22023", "worker is required", null);
    }
    if (maxJobs < 1 || maxJobs > 100 || lease.toSeconds() < 1) {
      throw new StoreRejectedException(
          400, "22023", "max_jobs must be 1 to 100 and the lease at least a second", null);
    }
    if (kinds.isEmpty()) {
      return List.of();
    }
    String in = String.join(", ", kinds.stream().map(k -> "?").toList());
    return database.write(
        connection -> {
          long now = clock.millis();
          // a job whose worker died on its last allowed attempt does not run again
          try (PreparedStatement dead =
              connection.prepareStatement(
                  "update jobs set status = 'dead', finished_at = ?1, updated_at = ?1,"
                      + " last_error = coalesce(last_error || '; ', '') || 'lease of ' ||"
                      + " locked_by || ' expired on attempt ' || attempts,"
                      + " locked_by = null, locked_until = null"
                      + " where status = 'running' and locked_until < ?1"
                      + " and attempts >= max_attempts and kind in ("
                      + in
                      + ")")) {
            dead.setLong(1, now);
            bindKinds(dead, 2, kinds);
            dead.executeUpdate();
          }
          List<String> ids = new ArrayList<>();
          try (PreparedStatement due =
              connection.prepareStatement(
                  "select id from jobs where kind in ("
                      + in
                      + ") and ((status = 'queued' and run_at <= ?)"
                      + " or (status = 'running' and locked_until < ?))"
                      + " order by run_at, created_at limit ?")) {
            int next = bindKinds(due, 1, kinds);
            due.setLong(next, now);
            due.setLong(next + 1, now);
            due.setInt(next + 2, maxJobs);
            try (ResultSet rows = due.executeQuery()) {
              while (rows.next()) {
                ids.add(rows.getString(1));
              }
            }
          }
          List<Job> claimed = new ArrayList<>();
          for (String id : ids) {
            try (PreparedStatement update =
                connection.prepareStatement(
                    "update jobs set status = 'running', attempts = attempts + 1, locked_by = ?,"
                        + " locked_until = ?, updated_at = ? where id = ?")) {
              update.setString(1, worker);
              update.setLong(2, now + lease.toMillis());
              update.setLong(3, now);
              update.setString(4, id);
              update.executeUpdate();
            }
            claimed.add(byId(connection, id));
          }
          return claimed;
        });
  }

  @Override
  public boolean complete(UUID id, String worker) {
    return database.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update jobs set status = 'done', locked_by = null, locked_until = null,"
                      + " finished_at = ?1, updated_at = ?1"
                      + " where id = ?2 and status = 'running' and locked_by = ?3")) {
            update.setLong(1, clock.millis());
            update.setString(2, id.toString());
            update.setString(3, worker);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean fail(UUID id, String worker, String error, Instant retryAt) {
    return database.write(
        connection -> {
          long now = clock.millis();
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update jobs set"
                      + " status = case when attempts >= max_attempts then 'dead' else 'queued'"
                      + " end,"
                      + " run_at = case when attempts >= max_attempts then run_at else ?1 end,"
                      + " finished_at = case when attempts >= max_attempts then ?2 end,"
                      + " last_error = ?3, locked_by = null, locked_until = null, updated_at = ?2"
                      + " where id = ?4 and status = 'running' and locked_by = ?5")) {
            update.setLong(1, retryAt == null ? now : retryAt.toEpochMilli());
            update.setLong(2, now);
            String text = error == null ? "failed" : error;
            update.setString(3, text.length() > 2000 ? text.substring(0, 2000) : text);
            update.setString(4, id.toString());
            update.setString(5, worker);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean retry(UUID id) {
    return database.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update jobs set status = 'queued', attempts = 0, run_at = ?1,"
                      + " finished_at = null, updated_at = ?1 where id = ?2 and status = 'dead'")) {
            update.setLong(1, clock.millis());
            update.setString(2, id.toString());
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<Job> dead(int limit) {
    return database.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select "
                      + COLUMNS
                      + " from jobs where status = 'dead' order by updated_at desc limit ?")) {
            select.setInt(1, limit);
            List<Job> jobs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                jobs.add(job(rows));
              }
            }
            return jobs;
          }
        });
  }

  @Override
  public JobStats stats() {
    return database.read(
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(EmbeddedJobRows.STATS)) {
            select.setLong(1, clock.millis());
            try (ResultSet row = select.executeQuery()) {
              row.next();
              return new JobStats(row.getLong(1), row.getLong(2), row.getLong(3));
            }
          }
        });
  }

  private static int bindKinds(PreparedStatement statement, int first, Collection<String> kinds)
      throws SQLException {
    int index = first;
    for (String kind : kinds) {
      statement.setString(index++, kind);
    }
    return index;
  }

  private static UUID idByDedupeKey(Connection connection, String dedupeKey) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("select id from jobs where dedupe_key = ?")) {
      select.setString(1, dedupeKey);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? UUID.fromString(row.getString(1)) : null;
      }
    }
  }

  private Job byId(Connection connection, String id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("select " + COLUMNS + " from jobs where id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return job(row);
      }
    }
  }

  private Job job(ResultSet row) throws SQLException {
    return EmbeddedJobRows.job(row, json);
  }

  private String write(JsonNode payload) {
    try {
      return payload == null ? "{}" : json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode the job payload", e);
    }
  }
}
