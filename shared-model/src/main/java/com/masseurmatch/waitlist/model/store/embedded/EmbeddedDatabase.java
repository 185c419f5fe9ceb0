package com.masseurmatch.waitlist.model.store.embedded;

import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded SQLite database file used when Supabase is not configured. Both services may open
 * the same file at once: it runs in WAL mode, writers take the lock up front ({@code BEGIN
 * IMMEDIATE}) and wait for each other through a busy timeout.
 */
public final class EmbeddedDatabase {

  /** Bumped when the schema below changes; stored in {@code PRAGMA user_version}. */
  static final int SCHEMA_VERSION = 3;

  private static final String[] SCHEMA = {
    """
    create table if not exists waitlist (
      id text primary key,
      full_name text not null,
      phone text not null,
      email text not null unique,
      role text not null check (role in ('therapist', 'client')),
      source text not null check (source in ('phone', 'web', 'voicemail', 'fallback')),
      call_sid text,
      created_at integer not null,
      updated_at integer not null
    )""",
    "create index if not exists waitlist_created_at_idx on waitlist (created_at desc)",
    "create index if not exists waitlist_role_idx on waitlist (role)",
    """
    create table if not exists calls (
      call_sid text primary key,
      from_number text,
      started_at integer,
      ended_at integer,
      path text check (path in ('realtime', 'fallback', 'scripted', 'transfer', 'voicemail')),
      outcome text check (outcome in
        ('signed_up', 'abandoned', 'transferred', 'voicemail', 'failed')),
      waitlist_id text,
      transcript text,
      usage text,
      cost_usd text
    )""",
    "create index if not exists calls_started_at_idx on calls (started_at desc)",
    """
    create table if not exists voicemails (
      id text primary key,
      call_sid text,
      from_number text,
      recording_sid text not null unique,
      recording_url text,
      duration_s integer,
      transcription text,
      created_at integer not null
    )""",
    "create index if not exists voicemails_created_at_idx on voicemails (created_at desc)",
  };

  private final Path file;
  private final String url;

  public EmbeddedDatabase(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the data directory " + dataDir, e);
    }
    this.file = dataDir.resolve("waitlist.db").toAbsolutePath();
    this.url = "jdbc:sqlite:" + file;
    applySchema();
  }

  public Path file() {
    return file;
  }

  /** Runs work in one write transaction, taken with {@code BEGIN IMMEDIATE}. */
  public <T> T write(SqlWork<T> work) {
    return run(work, true);
  }

  /** Runs work on a read-only connection. */
  public <T> T read(SqlWork<T> work) {
    return run(work, false);
  }

  /** Runs these schema statements in one write transaction. */
  void apply(String... ddl) {
    write(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
              statement.execute(sql);
            }
          }
          return null;
        });
  }

  private <T> T run(SqlWork<T> work, boolean write) {
    try (Connection connection = open(write)) {
      try {
        T result = work.apply(connection);
        if (write) {
          connection.commit();
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        if (write) {
          connection.rollback();
        }
        throw e;
      }
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  private Connection open(boolean write) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(15_000);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    Connection connection = config.createConnection(url);
    connection.setAutoCommit(!write);
    return connection;
  }

  private void applySchema() {
    write(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
              statement.execute(ddl);
            }
            addColumnIfMissing(statement, "calls", "collected", "text");
            addColumnIfMissing(statement, "calls", "assistant_state", "text");
            addColumnIfMissing(statement, "calls", "language", "text");
            addColumnIfMissing(statement, "waitlist", "language", "text not null default 'en'");
            addColumnIfMissing(statement, "calls", "experiment_id", "text");
            addColumnIfMissing(statement, "calls", "variant", "text");
            addColumnIfMissing(statement, "calls", "chat_usage", "text");
            addColumnIfMissing(statement, "calls", "chat_cost_usd", "text");
            statement.execute("pragma user_version = " + SCHEMA_VERSION);
          }
          return null;
        });
  }

  /** Schema 2: columns added to a version-1 file in place. */
  static void addColumnIfMissing(Statement statement, String table, String column, String type)
      throws SQLException {
    try (var columns = statement.executeQuery("pragma table_info(" + table + ")")) {
      while (columns.next()) {
        if (column.equals(columns.getString("name"))) {
          return;
        }
      }
    }
    statement.execute("alter table " + table + " add column " + column + " " + type);
  }

  private static RuntimeException translate(SQLException e) {
    if (e instanceof SQLiteException sqlite
        // extended result codes keep the primary code in the low byte
        && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
      return new StoreRejectedException(400, "constraint", e.getMessage(), e);
    }
    return new StoreUnavailableException("embedded database: " + e.getMessage(), false, e);
  }

  /** A unit of JDBC work. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }
}
