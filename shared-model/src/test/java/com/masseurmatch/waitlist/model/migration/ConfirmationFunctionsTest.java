package com.masseurmatch.waitlist.model.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The confirmations migration on a real PostgreSQL, as the service role, functions called with
 * named arguments as PostgREST calls them: the public save never changes a known entry without its
 * owner, and every save enqueues exactly the confirmations it should, in its own transaction.
 */
class ConfirmationFunctionsTest {

  private MigratedDatabase db;
  private Connection c;

  @BeforeEach
  void migrate() throws Exception {
    db = new MigratedDatabase();
    db.migrate();
    c = db.connect();
    try (var statement = c.createStatement()) {
      statement.execute("set role service_role");
    }
  }

  @AfterEach
  void drop() throws Exception {
    c.close();
    db.close();
  }

  private String submit(String name, String phone, String email, String role, String source)
      throws SQLException {
    try (PreparedStatement call =
        c.prepareStatement(
            "select outcome from submit_waitlist_entry(full_name => ?, phone => ?, email => ?,"
                + " role => ?, source => ?, call_sid => null)")) {
      call.setString(1, name);
      call.setString(2, phone);
      call.setString(3, email);
      call.setString(4, role);
      call.setString(5, source);
      try (ResultSet rows = call.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (var statement = c.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        out.add(rows.getString(1));
      }
    }
    return out;
  }

  @Test
  void aNewEntryEnqueuesOneSmsAndOneEmailAndARepeatNothing() throws Exception {
    assertEquals(
        "created", submit("Ann Lee", "+14155550100", "ann@example.com", "therapist", "web"));
    assertEquals(
        "unchanged", submit("Ann Lee", "+14155550100", "ann@example.com", "therapist", "web"));
    assertEquals(
        List.of(
            "confirmation.email|signup|ann@example.com", "confirmation.sms|signup|+14155550100"),
        rows(
            "select kind || '|' || (payload->>'purpose') || '|' || (payload->>'destination')"
                + " from jobs order by kind"));
  }

  @Test
  void otherDetailsForAKnownEmailWaitForTheOwner() throws Exception {
    submit("Ann Lee", "+14155550100", "ann@example.com", "therapist", "web");
    assertEquals("pending", submit("Eve Bad", "+14155550999", "ann@example.com", "client", "web"));
    assertEquals("pending", submit("Eve Bad", "+14155550999", "ann@example.com", "client", "web"));
    // the entry is untouched; the owner's phone and address are told, once
    assertEquals(
        List.of("Ann Lee|+14155550100|therapist"),
        rows("select full_name || '|' || phone || '|' || role from waitlist"));
    assertEquals(
        List.of(
            "confirmation.email|change|ann@example.com", "confirmation.sms|change|+14155550100"),
        rows(
            "select kind || '|' || (payload->>'purpose') || '|' || (payload->>'destination')"
                + " from jobs where payload->>'purpose' = 'change' order by kind"));
    // a phone call with another number is a public signup too
    assertEquals(
        "pending", submit("Eve Other", "+14155550998", "ann@example.com", "client", "phone"));
    assertEquals(4, rows("select id from jobs where payload->>'purpose' = 'change'").size());
  }

  @Test
  void aPhoneSignupFromTheEntrysNumberUpdatesIt() throws Exception {
    submit("Ann Lee", "+14155550100", "ann@example.com", "therapist", "web");
    assertEquals(
        "updated", submit("Ann Leigh", "+14155550100", "ann@example.com", "client", "phone"));
    assertEquals(
        List.of("Ann Leigh|client"), rows("select full_name || '|' || role from waitlist"));
    // same phone and address: no new confirmation
    assertEquals(2, rows("select id from jobs").size());
  }

  @Test
  void aConfirmedChangeAppliesAndConfirmsOnlyTheChangedPhone() throws Exception {
    submit("Ann Lee", "+14155550100", "ann@example.com", "therapist", "web");
    submit("Ann Lee", "+14155550111", "ann@example.com", "client", "web");
    String version = rows("select version from pending_changes").get(0);
    String id = rows("select id from pending_changes").get(0);
    assertTrue(
        rows("select count(*) from apply_pending_change(id => '" + id + "', version => 'stale')")
            .contains("0"));
    assertEquals(
        List.of("+14155550111"),
        rows(
            "select phone from apply_pending_change(id => '"
                + id
                + "', version => '"
                + version
                + "')"));
    assertEquals(List.of(), rows("select id from pending_changes"));
    assertEquals(
        List.of("+14155550100", "+14155550111"),
        rows(
            "select payload->>'destination' from jobs where kind = 'confirmation.sms'"
                + " and payload->>'purpose' = 'signup' order by created_at"));
    assertEquals(
        1,
        rows("select id from jobs where kind = 'confirmation.email' and payload->>'purpose' ="
                + " 'signup'")
            .size());
  }

  @Test
  void confirmByPhoneAppliesTheChangesOfThatNumbersEntries() throws Exception {
    submit("Ann Lee", "+14155550100", "ann@example.com", "therapist", "web");
    submit("Ann Lee", "+14155550100", "ann@example.com", "client", "web");
    assertEquals(
        List.of(), rows("select id from apply_pending_changes_for_phone(phone => '+1999')"));
    assertEquals(
        List.of("client"),
        rows("select role from apply_pending_changes_for_phone(phone => '+14155550100')"));
  }

  @Test
  void aMessageCountsAttemptsUntilItIsFinished() throws Exception {
    submit("Ann Lee", "+14155550100", "ann@example.com", "therapist", "web");
    String entry = rows("select id from waitlist").get(0);
    String begin =
        "select status || '|' || attempts from begin_message(dedupe_key => 'k', waitlist_id => '"
            + entry
            + "', channel => 'sms', purpose => 'signup', destination => '+14155550100')";
    assertEquals(List.of("sending|1"), rows(begin));
    assertEquals(List.of("sending|2"), rows(begin));
    String id = rows("select id from messages").get(0);
    rows(
        "select 1 from finish_message(id => '"
            + id
            + "', status => 'sent', provider_id => 'SM1', error_code => null, error => null)");
    assertEquals(List.of("sent|2"), rows(begin));
    assertEquals(
        List.of("true"),
        rows(
            "select record_delivery(provider_id => 'SM1', status => 'undelivered',"
                + " error_code => '30003')::text"));
    assertEquals(
        List.of("false"),
        rows(
            "select record_delivery(provider_id => 'SM1', status => 'sending', error_code =>"
                + " null)::text"));
    assertEquals(
        List.of("undelivered|30003"), rows("select status || '|' || error_code from messages"));
    assertEquals(
        List.of("true"), rows("select remove_waitlist_entry(id => '" + entry + "')::text"));
    assertEquals(List.of("gone"), rows("select coalesce(waitlist_id::text, 'gone') from messages"));
  }

  @Test
  void theApiRolesSeeNothing() throws Exception {
    try (var statement = c.createStatement()) {
      statement.execute("reset role");
      statement.execute("set role anon");
    }
    for (String sql :
        List.of(
            "select * from messages",
            "select * from pending_changes",
            "select * from sms_opt_outs",
            "select * from submit_waitlist_entry('A B', '+14155550100', 'a@b.co', 'client')")) {
      assertThrows(SQLException.class, () -> rows(sql), sql);
    }
    assertFalse(
        rows("select relrowsecurity::text from pg_class where relname = 'messages'")
            .contains("false"));
  }
}
