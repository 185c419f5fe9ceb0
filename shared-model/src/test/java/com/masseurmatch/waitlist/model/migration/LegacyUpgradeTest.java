package com.masseurmatch.waitlist.model.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migration on a database that already holds the original deployment's waitlist table. */
class LegacyUpgradeTest {

  private MigratedDatabase db;

  @BeforeEach
  void createLegacyTable() throws Exception {
    db = new MigratedDatabase();
    db.execute(
        """
        create extension if not exists "uuid-ossp" schema extensions;
        create table public.waitlist (
          id uuid primary key default extensions.uuid_generate_v4(),
          full_name text, phone text, email text, role text,
          created_at timestamp default now(), updated_at timestamp default now());
        insert into public.waitlist (full_name, phone, email, role, created_at, updated_at) values
          ('Ann Old',  '+14155550100',   ' Ann@Example.com ', 'Therapist', '2025-01-01 10:00', '2025-01-01 10:00'),
          ('Ann New',  '+14155550100',   'ann@example.com',   'therapist', '2025-02-01 10:00', '2025-02-01 10:00'),
          ('Bob',      '(415) 555-0101', 'bob@example.com',   'client',    '2025-03-01 10:00', null),
          ('Cy',       '020 7946 0958',  'cy@example.com',    'Massage therapist', '2025-04-01 10:00', '2025-04-01 11:00'),
          ('Di',       '+14155550102',   'di@example.com',    'customer',  '2025-05-01 10:00', '2025-05-01 10:00');
        """);
    db.migrate();
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  @Test
  void noRowIsLost() throws SQLException {
    assertEquals(4, count("select count(*) from public.waitlist"));
    assertEquals(1, count("select count(*) from public.waitlist_legacy_duplicates"));
    assertEquals(
        List.of("Ann Old|ann@example.com"),
        strings("select full_name || '|' || email from public.waitlist_legacy_duplicates"));
    assertEquals(
        List.of(
            "Ann New|ann@example.com|therapist|+14155550100|phone",
            "Bob|bob@example.com|client|+14155550101|phone",
            "Cy|cy@example.com|therapist|020 7946 0958|phone",
            "Di|di@example.com|client|+14155550102|phone"),
        strings(
            "select concat_ws('|', full_name, email, role, phone, source) from public.waitlist"
                + " order by full_name"));
  }

  @Test
  void timestampsAreReadAsUtc() throws SQLException {
    assertEquals(
        List.of("2025-03-01T10:00:00Z|2025-03-01T10:00:00Z"),
        strings(
            "select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || '|'"
                + " || to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " from public.waitlist where full_name = 'Bob'"));
    assertEquals(
        "timestamp with time zone",
        strings(
                "select data_type from information_schema.columns where table_name = 'waitlist'"
                    + " and column_name = 'created_at'")
            .get(0));
  }

  @Test
  void oldRowsThatBreakTheNewRulesStayButNewRowsMustFollowThem() throws SQLException {
    assertEquals(
        List.of("waitlist_phone_e164_check"),
        strings(
            "select conname::text from pg_constraint where conrelid = 'public.waitlist'::regclass"
                + " and not convalidated"));
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                db.execute(
                    "insert into public.waitlist (full_name, phone, email, role, source)"
                        + " values ('Ed', '555 0100', 'ed@example.com', 'client', 'web')"));
    assertEquals("23514", e.getSQLState());
  }

  @Test
  void newSignupsGetGeneratedIdsWithoutTheUuidExtension() throws SQLException {
    db.execute(
        "insert into public.waitlist (full_name, phone, email, role, source)"
            + " values ('Ed', '+14155550109', 'ed@example.com', 'client', 'web')");
    assertEquals(
        List.of("gen_random_uuid()"),
        strings(
            "select column_default from information_schema.columns where table_name = 'waitlist'"
                + " and column_name = 'id'"));
  }

  @Test
  void upgradingTwiceChangesNothing() throws Exception {
    db.migrate();
    assertEquals(4, count("select count(*) from public.waitlist"));
    assertEquals(1, count("select count(*) from public.waitlist_legacy_duplicates"));
  }

  private long count(String sql) throws SQLException {
    return Long.parseLong(strings(sql).get(0));
  }

  private List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement statement = db.connection().prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        out.add(rows.getString(1));
      }
    }
    return out;
  }
}
