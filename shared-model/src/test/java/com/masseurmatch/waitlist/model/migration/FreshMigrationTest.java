package com.masseurmatch.waitlist.model.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The migration on a fresh PostgreSQL 15 with Supabase's roles, checked as each role. */
class FreshMigrationTest {

  /** What PostgREST runs for {@code POST /waitlist?on_conflict=email} with merge-duplicates. */
  static final String UPSERT =
      """
      insert into public.waitlist (full_name, phone, email, role, source)
      values (?, ?, ?, ?, ?)
      on conflict (email) do update set full_name = excluded.full_name, phone = excluded.phone,
        email = excluded.email, role = excluded.role, source = excluded.source
      returning id, (xmax = 0) as inserted, created_at, updated_at
      """;

  private MigratedDatabase db;

  @BeforeEach
  void migrate() throws Exception {
    db = new MigratedDatabase();
    db.migrate();
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  @Test
  void serviceRoleUpsertsAndASecondUpsertOfTheSameEmailUpdates() throws SQLException {
    Connection c = db.connection();
    c.setAutoCommit(false);
    db.execute("set local role service_role");
    Row first = upsert(c, "Ann Lee", "ann@example.com", "client");
    Row second = upsert(c, "Ann B. Lee", "ann@example.com", "therapist");
    Row replay = upsert(c, "Ann B. Lee", "ann@example.com", "therapist");
    c.commit();

    assertTrue(first.inserted());
    assertFalse(second.inserted());
    assertEquals(first.id(), second.id());
    assertEquals(first.createdAt(), second.createdAt());
    assertEquals(1, count("select count(*) from public.waitlist"));
    assertEquals("Ann B. Lee", string("select full_name from public.waitlist"));
    assertEquals(second.updatedAt(), replay.updatedAt(), "an identical replay must not bump it");
  }

  @Test
  void updatedAtMovesOnARealChange() throws Exception {
    Connection c = db.connection();
    Row first = upsert(c, "Ann Lee", "ann@example.com", "client");
    Thread.sleep(5);
    Row changed = upsert(c, "Ann Lee", "ann@example.com", "therapist");
    assertNotEquals(first.updatedAt(), changed.updatedAt());
  }

  @ParameterizedTest(name = "anon is denied: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "select * from public.waitlist",
        "insert into public.waitlist (full_name, phone, email, role, source) values ('A', '+14155550100', 'a@b.co', 'client', 'web')",
        "select * from public.calls",
        "insert into public.calls (call_sid) values ('CA1')",
        "select * from public.voicemails",
        "select * from public.waitlist_stats()",
        "select * from public.waitlist_legacy_duplicates",
      })
  void anonCanNeitherReadNorWrite(String sql) throws SQLException {
    assertDenied("anon", sql);
    assertDenied("authenticated", sql);
  }

  private void assertDenied(String role, String sql) throws SQLException {
    Connection c = db.connection();
    c.setAutoCommit(false);
    try {
      db.execute("set local role " + role);
      SQLException e = assertThrows(SQLException.class, () -> db.execute(sql));
      assertEquals("42501", e.getSQLState(), e.getMessage());
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  @ParameterizedTest(name = "rejected: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "'Ann', '4155550100', 'ann@example.com', 'client', 'web'        | 23514",
        "'Ann', '+14155550100', 'Ann@Example.com', 'client', 'web'      | 23514",
        "'Ann', '+14155550100', 'no-at-sign', 'client', 'web'           | 23514",
        "'Ann', '+14155550100', 'ann@example.com', 'boss', 'web'        | 23514",
        "'Ann', '+14155550100', 'ann@example.com', 'client', 'fax'      | 23514",
        "'  ', '+14155550100', 'ann@example.com', 'client', 'web'       | 23514",
        "null, '+14155550100', 'ann@example.com', 'client', 'web'       | 23514",
      })
  void constraintsRejectBadRows(String values, String sqlState) {
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                db.execute(
                    "insert into public.waitlist (full_name, phone, email, role, source) values ("
                        + values
                        + ")"));
    assertEquals(sqlState, e.getSQLState(), e.getMessage());
  }

  @Test
  void aDuplicateEmailOnPlainInsertIsAUniqueViolation() throws SQLException {
    String insert =
        "insert into public.waitlist (full_name, phone, email, role, source)"
            + " values ('Ann', '+14155550100', 'ann@example.com', 'client', 'web')";
    db.execute(insert);
    SQLException e = assertThrows(SQLException.class, () -> db.execute(insert));
    assertEquals("23505", e.getSQLState());
  }

  @Test
  void callsAndVoicemailsHaveTheirKeysAndChecks() throws SQLException {
    db.execute(
        "insert into public.calls (call_sid, path, outcome) values ('CA1', 'realtime', 'signed_up')");
    assertEquals(
        "23514",
        assertThrows(
                SQLException.class,
                () ->
                    db.execute(
                        "insert into public.calls (call_sid, path) values ('CA2', 'carrier-pigeon')"))
            .getSQLState());
    db.execute("insert into public.voicemails (recording_sid) values ('RE1')");
    assertEquals(
        "23505",
        assertThrows(
                SQLException.class,
                () -> db.execute("insert into public.voicemails (recording_sid) values ('RE1')"))
            .getSQLState());
  }

  @Test
  void statsGroupByRoleAndSourceForServiceRole() throws SQLException {
    Connection c = db.connection();
    upsert(c, "Ann", "ann@example.com", "client");
    upsert(c, "Bob", "bob@example.com", "therapist");
    upsert(c, "Cy", "cy@example.com", "therapist");
    c.setAutoCommit(false);
    db.execute("set local role service_role");
    assertEquals(
        2,
        count(
            "select entries from public.waitlist_stats() where role = 'therapist' and source = 'web'"));
    c.rollback();
    c.setAutoCommit(true);
  }

  @Test
  void applyingTheMigrationAgainChangesNothing() throws Exception {
    upsert(db.connection(), "Ann", "ann@example.com", "client");
    db.migrate();
    assertEquals(1, count("select count(*) from public.waitlist"));
    assertEquals(
        0,
        count(
            "select count(*) from pg_constraint where conrelid = 'public.waitlist'::regclass"
                + " and not convalidated"));
  }

  private Row upsert(Connection c, String name, String email, String role) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(UPSERT)) {
      statement.setString(1, name);
      statement.setString(2, "+14155550100");
      statement.setString(3, email);
      statement.setString(4, role);
      statement.setString(5, "web");
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return new Row(
            rows.getString(1), rows.getBoolean(2), rows.getTimestamp(3), rows.getTimestamp(4));
      }
    }
  }

  private long count(String sql) throws SQLException {
    try (PreparedStatement statement = db.connection().prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private String string(String sql) throws SQLException {
    try (PreparedStatement statement = db.connection().prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getString(1);
    }
  }

  record Row(String id, boolean inserted, Timestamp createdAt, Timestamp updatedAt) {}
}
