package com.masseurmatch.waitlist.model.store.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.job.Job;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** The embedded {@code jobs} table: its schema and how a row becomes a {@link Job}. */
final class EmbeddedJobRows {

  static final String COLUMNS =
      "id, kind, payload, dedupe_key, status, attempts, max_attempts, run_at, locked_by,"
          + " locked_until, last_error, created_at, updated_at, finished_at";

  /**
   * Due (run_at at most the one parameter), running and dead jobs, each counted over {@code
   * jobs_status_idx}: the count costs the rows of that status, not the done jobs that pile up.
   */
  static final String STATS =
      "select (select count(*) from jobs where status = 'queued' and run_at <= ?),"
          + " (select count(*) from jobs where status = 'running'),"
          + " (select count(*) from jobs where status = 'dead')";

  /** Times are milliseconds since the epoch, as in the other embedded tables. */
  static final String[] SCHEMA = {
    """
    create table if not exists jobs (
      id text primary key,
      kind text not null,
      payload text not null default '{}',
      dedupe_key text unique,
      status text not null default 'queued'
        check (status in ('queued', 'running', 'done', 'dead')),
      attempts integer not null default 0,
      max_attempts integer not null default 8,
      run_at integer not null,
      locked_by text,
      locked_until integer,
      last_error text,
      created_at integer not null,
      updated_at integer not null,
      finished_at integer
    )""",
    "create index if not exists jobs_due_idx on jobs (kind, status, run_at)",
    "create index if not exists jobs_status_idx on jobs (status, run_at)",
  };

  private EmbeddedJobRows() {}

  static Job job(ResultSet row, ObjectMapper json) throws SQLException {
    JsonNode payload;
    try {
      payload = json.readTree(row.getString("payload"));
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable job payload", e);
    }
    return new Job(
        UUID.fromString(row.getString("id")),
        row.getString("kind"),
        payload,
        row.getString("dedupe_key"),
        row.getString("status"),
        row.getInt("attempts"),
        row.getInt("max_attempts"),
        instant(row, "run_at"),
        row.getString("locked_by"),
        instant(row, "locked_until"),
        row.getString("last_error"),
        instant(row, "created_at"),
        instant(row, "updated_at"),
        instant(row, "finished_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
