package com.masseurmatch.waitlist.model.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A throw-away database on the test PostgreSQL ({@link TestPostgres}) with Supabase's API roles
 * recreated, for migration tests.
 */
public final class MigratedDatabase implements AutoCloseable {

  static final Path MIGRATIONS = Path.of("..", "deploy", "supabase", "migrations");

  private static final String SUPABASE_ROLES =
      """
      do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'anon') then
          create role anon nologin noinherit; end if;
        if not exists (select 1 from pg_roles where rolname = 'authenticated') then
          create role authenticated nologin noinherit; end if;
        if not exists (select 1 from pg_roles where rolname = 'service_role') then
          create role service_role nologin noinherit bypassrls; end if;
      end $$;
      create schema if not exists extensions;
      grant usage on schema public, extensions to anon, authenticated, service_role;
      """;

  private final String name = "waitlist_mig_" + UUID.randomUUID().toString().replace("-", "");
  private final Connection connection;

  public MigratedDatabase() throws SQLException {
    try (Connection admin = open(url("postgres"));
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    }
    connection = open(url(name));
    execute(SUPABASE_ROLES);
  }

  Connection connection() {
    return connection;
  }

  /**
   * A connection to {@code url} through the PostgreSQL driver itself: {@code DriverManager} only
   * hands out drivers registered from the caller's class loader, and Quarkus tests in the same JVM
   * load the driver in another.
   */
  public static Connection open(String url) throws SQLException {
    Connection connection = new org.postgresql.Driver().connect(url, new Properties());
    if (connection == null) {
      throw new SQLException("not a PostgreSQL URL: " + url);
    }
    return connection;
  }

  /** Another connection to the same database, as a second PostgREST worker would hold. */
  public Connection connect() throws SQLException {
    return open(url(name));
  }

  /** The database's JDBC URL. */
  public String url() {
    return url(name);
  }

  public void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Applies every migration file in name (timestamp) order, as the Supabase CLI does. */
  public void migrate() throws SQLException, IOException {
    for (Path file : migrationFiles()) {
      execute(Files.readString(file));
    }
  }

  static List<Path> migrationFiles() throws IOException {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
    try (Connection admin = open(url("postgres"));
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
    }
  }

  private static String url(String database) {
    return TestPostgres.url(database);
  }
}
