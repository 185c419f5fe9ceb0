package com.masseurmatch.waitlist.model.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The original design's writers (its Vercel function, existing web forms) send only {@code
 * full_name, phone, email, role}; after the migrations their insert and upsert still work, on a
 * fresh database and on an upgraded one, and the row's source is {@code web}.
 */
class OriginalWritersTest {

  /** The original insert: four columns and nothing else. */
  static final String INSERT =
      "insert into public.waitlist (full_name, phone, email, role) values (?, ?, ?, ?)";

  /** PostgREST's {@code POST /waitlist?on_conflict=email} merge with the four columns. */
  static final String UPSERT =
      """
      insert into public.waitlist (full_name, phone, email, role) values (?, ?, ?, ?)
      on conflict (email) do update set full_name = excluded.full_name, phone = excluded.phone,
        email = excluded.email, role = excluded.role
      """;

  private MigratedDatabase db;

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  @Test
  void onAFreshDatabase() throws Exception {
    db = new MigratedDatabase();
    db.migrate();
    assertOriginalWritesWork();
  }

  @Test
  void onAnUpgradedDatabase() throws Exception {
    db = new MigratedDatabase();
    db.execute(
        """
        create extension if not exists "uuid-ossp" schema extensions;
        create table public.waitlist (
          id uuid primary key default extensions.uuid_generate_v4(),
          full_name text, phone text, email text, role text,
          created_at timestamp default now(), updated_at timestamp default now());
        insert into public.waitlist (full_name, phone, email, role)
          values ('Old Row', '+14155550109', 'old@example.com', 'client');
        """);
    db.migrate();
    assertEquals(List.of("old@example.com|phone"), rows("old@example.com"));
    assertOriginalWritesWork();
  }

  @Test
  void theMigrationsRunTwice() throws Exception {
    db = new MigratedDatabase();
    db.migrate();
    db.migrate();
    assertOriginalWritesWork();
  }

  private void assertOriginalWritesWork() throws SQLException {
    Connection c = db.connection();
    c.setAutoCommit(false);
    db.execute("set local role service_role");
    write(c, INSERT, "Ann Lee", "ann@example.com", "client");
    write(c, UPSERT, "Bea Kay", "bea@example.com", "therapist");
    write(c, UPSERT, "Bea K. Kay", "bea@example.com", "client");
    c.commit();
    c.setAutoCommit(true);
    assertEquals(List.of("ann@example.com|web"), rows("ann@example.com"));
    assertEquals(List.of("bea@example.com|web"), rows("bea@example.com"));
    assertEquals(
        List.of("Bea K. Kay|client"),
        strings(
            "select full_name || '|' || role from public.waitlist where email = 'bea@example.com'"));
  }

  private static void write(Connection c, String sql, String name, String email, String role)
      throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, name);
      statement.setString(2, "+14155550100");
      statement.setString(3, email);
      statement.setString(4, role);
      assertEquals(1, statement.executeUpdate());
    }
  }

  private List<String> rows(String email) throws SQLException {
    return strings(
        "select email || '|' || source from public.waitlist where email = '" + email + "'");
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
