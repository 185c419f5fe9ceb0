package com.masseurmatch.waitlist.model.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.masseurmatch.waitlist.model.console.Analytics;
import com.masseurmatch.waitlist.model.console.Overview;
import com.masseurmatch.waitlist.model.store.RowJson;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedConsoleStore;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedDatabase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's SQL functions on PostgreSQL 15, and the embedded store's queries on the same rows
 * giving the same answers.
 */
class ConsoleFunctionsTest {

  static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
  static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  /** id, name, phone, email, role, source, call SID, created before NOW. */
  static final Object[][] ENTRIES = {
    {ANN, "Ann Lee", "+14155550100", "ann@example.com", "client", "web", null, Duration.ofHours(1)},
    {
      BOB,
      "Bob Ray",
      "+14155550101",
      "bob@example.com",
      "therapist",
      "phone",
      "CA3",
      Duration.ofDays(3)
    },
    {
      UUID.randomUUID(),
      "Cy Lo",
      "+14155550102",
      "cy@example.com",
      "therapist",
      "fallback",
      null,
      Duration.ofDays(20)
    },
    {
      UUID.randomUUID(),
      "Di Ho",
      "+14155550103",
      "di@example.com",
      "client",
      "web",
      null,
      Duration.ofDays(40)
    },
  };

  /**
   * SID, started before NOW, length in seconds (null: not ended), path, outcome, cost, language
   * (null: not recorded).
   */
  static final Object[][] CALLS = {
    {"CA1", Duration.ofHours(1), 120, "realtime", "signed_up", "0.30", "es"},
    {"CA2", Duration.ofHours(2), 60, "fallback", "abandoned", "0.05", "en"},
    {"CA3", Duration.ofDays(3), 300, "realtime", "failed", "0.50", "fr"},
    {"CA4", Duration.ofDays(20), 30, "voicemail", "voicemail", null, null},
    {"CA5", Duration.ofDays(40), 100, "scripted", "signed_up", "0.02", "es"},
    {"CA6", Duration.ofMinutes(30), null, null, null, null, null},
  };

  private final ObjectMapper json =
      RowJson.mapper(new ObjectMapper().registerModule(new JavaTimeModule()));
  private MigratedDatabase db;
  private Path dir;
  private EmbeddedConsoleStore embedded;

  @BeforeEach
  void seed() throws Exception {
    db = new MigratedDatabase();
    db.migrate();
    seed(db.connection(), true);
    dir = Files.createTempDirectory("console-embedded");
    EmbeddedDatabase sqlite = new EmbeddedDatabase(dir);
    embedded = new EmbeddedConsoleStore(sqlite, Clock.fixed(NOW, ZoneOffset.UTC));
    sqlite.write(
        c -> {
          seed(c, false);
          return null;
        });
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  @Test
  void overviewCountsEachWindowAndAgreesWithTheEmbeddedStore() throws Exception {
    Overview overview = json.readValue(call("select console_overview(?)", NOW), Overview.class);

    assertEquals(
        List.of(
            new Overview.Window("today", 3, 1, 0, new BigDecimal("0.350000"), 60.0),
            new Overview.Window("7d", 4, 2, 1, new BigDecimal("0.850000"), 120.0),
            new Overview.Window("30d", 5, 3, 1, new BigDecimal("0.850000"), 60.0)),
        overview.windows());
    assertTrue(overview.paths().contains(new Overview.PathCount("today", "realtime", 1, 1)));
    assertTrue(overview.paths().contains(new Overview.PathCount("today", "web", 1, 1)));
    assertTrue(overview.paths().contains(new Overview.PathCount("30d", "voicemail", 1, 0)));
    assertFalse(overview.paths().stream().anyMatch(p -> p.path().equals("scripted")));
    assertEquals(3, overview.signupsByDay().size());
    assertEquals(overview, embedded.overview(NOW));
  }

  @Test
  void analyticsAgreesWithTheEmbeddedStore() throws Exception {
    Instant from = NOW.minus(Duration.ofDays(90));
    Analytics analytics =
        json.readValue(call("select console_analytics(?, ?)", from, NOW), Analytics.class);

    assertEquals(new Analytics.Funnel(6, 5, 4, 2), analytics.funnel());
    assertEquals(
        List.of(
            new Analytics.PathConversion("fallback", 1, 0),
            new Analytics.PathConversion("realtime", 2, 1),
            new Analytics.PathConversion("scripted", 1, 1),
            new Analytics.PathConversion("voicemail", 1, 0)),
        analytics.byPath());
    assertEquals(
        List.of(
            new Analytics.LanguageConversion("en", 1, 0),
            new Analytics.LanguageConversion("es", 2, 2),
            new Analytics.LanguageConversion("fr", 1, 0),
            new Analytics.LanguageConversion(null, 2, 0)),
        analytics.byLanguage());
    assertEquals(
        List.of(
            new Analytics.Month("2026-10", 1, 100, new BigDecimal("0.020000")),
            new Analytics.Month("2026-11", 1, 30, new BigDecimal("0.000000")),
            new Analytics.Month("2026-12", 4, 480, new BigDecimal("0.850000"))),
        analytics.monthly());
    // 2026-12-06 is a Sunday (weekday 6); three calls started between 12:00 and 14:59 UTC
    assertEquals(
        3,
        analytics.hourOfWeek().stream()
            .filter(h -> h.weekday() == 6)
            .mapToLong(Analytics.HourOfWeek::calls)
            .sum());
    assertEquals(analytics, embedded.analytics(from, NOW));
  }

  @Test
  void anEditRefusesAnotherEntrysEmailAndAuditsTheChangedFieldNames() throws Exception {
    assertEquals("email_taken", update(ANN, "bob@example.com"));
    assertEquals("not_found", update(UUID.randomUUID(), "new@example.com"));
    assertEquals("updated", update(ANN, "ann.lee@example.com"));

    assertEquals(
        "ann.lee@example.com", text("select email from waitlist where id = '" + ANN + "'"));
    assertEquals(
        "ops|edit|" + ANN + "|full_name,email",
        text("select concat_ws('|', operator, action, target, detail) from admin_audit"));
  }

  @Test
  void erasureRemovesTheRowClearsItsCallsAndKeepsAnAuditLineWithoutPersonalData() throws Exception {
    db.execute("update calls set transcript = '[{\"speaker\":\"caller\"}]' where call_sid = 'CA3'");
    assertEquals("t", text("select console_erase_entry('" + BOB + "', 'ops', 'asked by phone')"));
    assertEquals("f", text("select console_erase_entry('" + BOB + "', 'ops', 'again')"));

    assertEquals("0", text("select count(*) from waitlist where id = '" + BOB + "'"));
    assertNull(text("select transcript::text from calls where call_sid = 'CA3'"));
    assertEquals("realtime", text("select path from calls where call_sid = 'CA3'"));
    String audit = text("select concat_ws('|', operator, action, target, detail) from admin_audit");
    assertEquals("ops|erase|" + BOB + "|asked by phone", audit);
  }

  @Test
  void aVoicemailIsMarkedHandledOnce() throws Exception {
    db.execute(
        "insert into voicemails (id, recording_sid) values"
            + " ('00000000-0000-0000-0000-0000000000f1', 'RE1')");
    String handled = "select console_voicemail_handled('00000000-0000-0000-0000-0000000000f1', ?)";
    assertEquals("t", call(handled, "ops"));
    assertEquals("t", call(handled, "someone else"));
    assertEquals("ops", text("select handled_by from voicemails"));
    assertEquals("f", text("select console_voicemail_handled('" + UUID.randomUUID() + "', 'ops')"));
  }

  @Test
  void onlyTheServiceRoleMayCallTheConsoleFunctions() throws Exception {
    Connection c = db.connection();
    c.setAutoCommit(false);
    try {
      db.execute("set local role anon");
      SQLException e =
          assertThrows(SQLException.class, () -> db.execute("select console_overview(now())"));
      assertEquals("42501", e.getSQLState());
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  private String update(UUID id, String email) throws SQLException {
    try (PreparedStatement s =
        db.connection()
            .prepareStatement(
                "select console_update_entry(?::uuid, 'Ann B. Lee', '+14155550100', ?,"
                    + " 'client', 'ops')")) {
      s.setString(1, id.toString());
      s.setString(2, email);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private String call(String sql, Object... args) throws SQLException {
    try (PreparedStatement s = db.connection().prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        Object arg = args[i];
        s.setObject(i + 1, arg instanceof Instant at ? Timestamp.from(at) : arg);
      }
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private String text(String sql) throws SQLException {
    return call(sql);
  }

  /** The same rows in PostgreSQL (timestamptz) or SQLite (epoch milliseconds). */
  private static void seed(Connection c, boolean postgres) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into waitlist (id, full_name, phone, email, role, source, call_sid,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Object[] e : ENTRIES) {
        Instant at = NOW.minus((Duration) e[7]);
        insert.setObject(1, postgres ? e[0] : e[0].toString());
        for (int i = 1; i <= 6; i++) {
          insert.setObject(i + 1, e[i]);
        }
        insert.setObject(8, time(at, postgres));
        insert.setObject(9, time(at, postgres));
        insert.executeUpdate();
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into calls (call_sid, started_at, ended_at, path, outcome, cost_usd, language)"
                + " values (?, ?, ?, ?, ?, "
                + (postgres ? "?::numeric" : "?")
                + ", ?)")) {
      for (Object[] call : CALLS) {
        Instant started = NOW.minus((Duration) call[1]);
        insert.setString(1, (String) call[0]);
        insert.setObject(2, time(started, postgres));
        insert.setObject(
            3, call[2] == null ? null : time(started.plusSeconds((Integer) call[2]), postgres));
        insert.setObject(4, call[3]);
        insert.setObject(5, call[4]);
        insert.setObject(6, call[5]);
        insert.setObject(7, call[6]);
        insert.executeUpdate();
      }
    }
  }

  private static Object time(Instant at, boolean postgres) {
    return postgres ? Timestamp.from(at) : at.toEpochMilli();
  }
}
