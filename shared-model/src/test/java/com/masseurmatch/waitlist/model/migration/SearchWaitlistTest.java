package com.masseurmatch.waitlist.model.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code search_waitlist()} on PostgreSQL 15 as PostgREST calls it (the service role): what the
 * operator typed is matched literally, wildcards and backslashes included.
 */
class SearchWaitlistTest {

  private MigratedDatabase db;

  @BeforeEach
  void migrate() throws Exception {
    db = new MigratedDatabase();
    db.migrate();
    db.execute(
        """
        insert into public.waitlist (full_name, phone, email, role, source) values
          ('Ann Lee', '+14155550100', 'ann_lee@example.com', 'therapist', 'web'),
          ('Annelee Park', '+14155550101', 'annxlee@example.com', 'client', 'web'),
          ('Bo 50% Off', '+14155550102', 'bo@example.com', 'client', 'phone'),
          ('Bo 500 Off', '+14155550103', 'bo500@example.com', 'client', 'phone'),
          ('Cy *Star*', '+14155550104', 'cy@example.com', 'therapist', 'web'),
          ('Cy Starr', '+14155550105', 'cy2@example.com', 'therapist', 'web'),
          ('Di Back\\slash', '+14155550106', 'di@example.com', 'client', 'web'),
          ('Di Backslash', '+14155550107', 'di2@example.com', 'client', 'web')
        """);
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  private List<String> search(String text, String role) throws SQLException {
    Connection c = db.connection();
    c.setAutoCommit(false);
    db.execute("set local role service_role");
    List<String> names = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement("select full_name from public.search_waitlist(?, ?) order by phone")) {
      select.setString(1, text);
      select.setString(2, role);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
    return names;
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "ann_lee|Ann Lee",
        "50%|Bo 50% Off",
        "*star*|Cy *Star*",
        "k\\s|Di Back\\slash",
        "ANN LEE|Ann Lee",
        "555010|Ann Lee;Annelee Park;Bo 50% Off;Bo 500 Off;Cy *Star*;Cy Starr;Di Back\\slash;Di Backslash",
        "+1415555010|Ann Lee;Annelee Park;Bo 50% Off;Bo 500 Off;Cy *Star*;Cy Starr;Di Back\\slash;Di Backslash",
        "%|Bo 50% Off",
        "_|Ann Lee",
        "\\|Di Back\\slash"
      })
  void whatWasTypedIsMatchedLiterally(String typed, String expected) throws SQLException {
    assertEquals(List.of(expected.split(";")), search(typed, null));
  }

  @ParameterizedTest(name = "\"{0}\" as {1}")
  @CsvSource({"bo,client,Bo 50% Off;Bo 500 Off", "cy,client,''", "cy,therapist,Cy *Star*;Cy Starr"})
  void theRoleFilterApplies(String typed, String role, String expected) throws SQLException {
    List<String> names = search(typed, role);
    assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(";")), names);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"anon", "authenticated"})
  void theApiRolesCannotCallIt(String role) throws SQLException {
    Connection c = db.connection();
    c.setAutoCommit(false);
    try {
      db.execute("set local role " + role);
      assertThrows(
          SQLException.class, () -> db.execute("select * from public.search_waitlist('a', null)"));
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }
}
