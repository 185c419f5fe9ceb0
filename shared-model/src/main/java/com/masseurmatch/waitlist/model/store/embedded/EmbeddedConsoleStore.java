package com.masseurmatch.waitlist.model.store.embedded;

import static com.masseurmatch.waitlist.model.store.embedded.EmbeddedCallRecordStore.instant;

import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.console.Analytics;
import com.masseurmatch.waitlist.model.console.AuditLine;
import com.masseurmatch.waitlist.model.console.CallPage;
import com.masseurmatch.waitlist.model.console.CallSearch;
import com.masseurmatch.waitlist.model.console.CallSummary;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.console.EditResult;
import com.masseurmatch.waitlist.model.console.EntrySearch;
import com.masseurmatch.waitlist.model.console.Overview;
import com.masseurmatch.waitlist.model.console.VoicemailItem;
import com.masseurmatch.waitlist.model.console.VoicemailPage;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The console's reads and changes on the embedded database, with an audit line per change. */
public final class EmbeddedConsoleStore implements ConsoleStore {

  private static final String ENTRY = EmbeddedWaitlistStore.COLUMNS;
  private static final String VOICEMAIL =
      "id, call_sid, from_number, recording_sid, recording_url, duration_s, transcription,"
          + " created_at, handled_at, handled_by";
  private static final String CALL =
      "call_sid, from_number, started_at, ended_at, path, outcome, waitlist_id, cost_usd";

  private final EmbeddedDatabase database;
  private final Clock clock;
  private final EmbeddedConsoleStats stats;

  public EmbeddedConsoleStore(EmbeddedDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.stats = new EmbeddedConsoleStats(database);
    database.write(
        c -> {
          try (Statement s = c.createStatement()) {
            EmbeddedDatabase.addColumnIfMissing(s, "voicemails", "handled_at", "integer");
            EmbeddedDatabase.addColumnIfMissing(s, "voicemails", "handled_by", "text");
            s.execute(
                "create table if not exists admin_audit (id integer primary key autoincrement,"
                    + " at integer not null, operator text not null, action text not null,"
                    + " target text not null, detail text)");
            s.execute(
                "create index if not exists calls_console_idx"
                    + " on calls (started_at, path, outcome, ended_at, cost_usd)");
            s.execute(
                "create index if not exists waitlist_console_idx"
                    + " on waitlist (created_at, role, source)");
          }
          return null;
        });
  }

  @Override
  public Overview overview(Instant now) {
    return stats.overview(now);
  }

  @Override
  public Analytics analytics(Instant from, Instant to) {
    return stats.analytics(from, to);
  }

  @Override
  public WaitlistPage entries(EntrySearch search) {
    SqlFilter where = EmbeddedEntryFilter.of(search);
    String direction = search.descending() ? " desc" : " asc";
    return database.read(
        c -> {
          long total = where.count(c, "waitlist");
          List<StoredEntry> items = new ArrayList<>();
          try (PreparedStatement page =
                  where.prepare(
                      c,
                      "select "
                          + ENTRY
                          + " from waitlist"
                          + where.sql()
                          + " order by "
                          + search.sort().column()
                          + direction
                          + ", id"
                          + direction
                          + " limit ? offset ?",
                      search.limit(),
                      search.offset());
              ResultSet rows = page.executeQuery()) {
            while (rows.next()) {
              items.add(EmbeddedWaitlistStore.row(rows));
            }
          }
          return new WaitlistPage(items, total, search.offset(), search.limit());
        });
  }

  @Override
  public Optional<StoredEntry> entry(UUID id) {
    return database.read(c -> findEntry(c, id));
  }

  @Override
  public EditResult update(UUID id, WaitlistEntry entry, String operator) {
    return database.write(
        c -> {
          Optional<StoredEntry> current = findEntry(c, id);
          if (current.isEmpty()) {
            return EditResult.NOT_FOUND;
          }
          SqlFilter taken =
              new SqlFilter(" where email = ? and id <> ?", entry.email(), id.toString());
          if (taken.count(c, "waitlist") > 0) {
            return EditResult.EMAIL_TAKEN;
          }
          StoredEntry old = current.get();
          List<String> changed = new ArrayList<>();
          addIfChanged(changed, "full_name", old.fullName(), entry.fullName());
          addIfChanged(changed, "phone", old.phone(), entry.phone());
          addIfChanged(changed, "email", old.email(), entry.email());
          addIfChanged(changed, "role", old.role().wireName(), entry.role().wireName());
          if (!changed.isEmpty()) {
            execute(
                c,
                "update waitlist set full_name = ?, phone = ?, email = ?, role = ?, updated_at = ?"
                    + " where id = ?",
                entry.fullName(),
                entry.phone(),
                entry.email(),
                entry.role().wireName(),
                clock.millis(),
                id.toString());
          }
          audit(
              c,
              operator,
              "edit",
              id.toString(),
              changed.isEmpty() ? null : String.join(",", changed));
          return EditResult.UPDATED;
        });
  }

  @Override
  public boolean erase(UUID id, String operator, String reason) {
    return database.write(
        c -> {
          Optional<StoredEntry> current = findEntry(c, id);
          if (current.isEmpty()) {
            return false;
          }
          String sid = current.get().callSid();
          execute(c, "delete from waitlist where id = ?", id.toString());
          execute(
              c,
              "update calls set transcript = null, collected = null, assistant_state = null,"
                  + " from_number = null where waitlist_id = ? or (? is not null and call_sid = ?)",
              id.toString(),
              sid,
              sid);
          if (sid != null) {
            execute(
                c,
                "update voicemails set transcription = null, recording_url = null,"
                    + " from_number = null where call_sid = ?",
                sid);
          }
          audit(c, operator, "erase", id.toString(), reason);
          return true;
        });
  }

  @Override
  public CallPage calls(CallSearch search) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where 1 = 1");
    search.path().ifPresent(p -> where.append(" and path = ?").append(add(args, p.wireName())));
    search
        .outcome()
        .ifPresent(o -> where.append(" and outcome = ?").append(add(args, o.wireName())));
    search.language().ifPresent(l -> where.append(" and language = ?").append(add(args, l.code())));
    SqlFilter filter = new SqlFilter(where.toString(), args.toArray());
    return database.read(
        c -> {
          long total = filter.count(c, "calls");
          List<CallSummary> items = new ArrayList<>();
          try (PreparedStatement page =
                  filter.prepare(
                      c,
                      "select "
                          + CALL
                          + " from calls"
                          + filter.sql()
                          + " order by started_at is null, started_at desc, call_sid"
                          + " limit ? offset ?",
                      search.limit(),
                      search.offset());
              ResultSet rows = page.executeQuery()) {
            while (rows.next()) {
              items.add(call(rows));
            }
          }
          return new CallPage(items, total, search.offset(), search.limit());
        });
  }

  @Override
  public VoicemailPage voicemails(boolean unhandledOnly, int offset, int limit) {
    SqlFilter filter = new SqlFilter(unhandledOnly ? " where handled_at is null" : "");
    return database.read(
        c -> {
          long total = filter.count(c, "voicemails");
          List<VoicemailItem> items = new ArrayList<>();
          try (PreparedStatement page =
                  filter.prepare(
                      c,
                      "select "
                          + VOICEMAIL
                          + " from voicemails"
                          + filter.sql()
                          + " order by created_at desc, id limit ? offset ?",
                      limit,
                      offset);
              ResultSet rows = page.executeQuery()) {
            while (rows.next()) {
              items.add(voicemail(rows));
            }
          }
          return new VoicemailPage(items, total, offset, limit);
        });
  }

  @Override
  public Optional<VoicemailItem> voicemail(UUID id) {
    return database.read(
        c -> {
          try (PreparedStatement select =
                  new SqlFilter(" where id = ?", id.toString())
                      .prepare(c, "select " + VOICEMAIL + " from voicemails where id = ?");
              ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(voicemail(rows)) : Optional.empty();
          }
        });
  }

  @Override
  public boolean markHandled(UUID id, String operator) {
    return database.write(
        c -> {
          int changed =
              execute(
                  c,
                  "update voicemails set handled_at = coalesce(handled_at, ?),"
                      + " handled_by = coalesce(handled_by, ?) where id = ?",
                  clock.millis(),
                  operator,
                  id.toString());
          if (changed == 0) {
            return false;
          }
          audit(c, operator, "voicemail_handled", id.toString(), null);
          return true;
        });
  }

  @Override
  public List<AuditLine> audit(int limit) {
    return database.read(
        c -> {
          List<AuditLine> lines = new ArrayList<>();
          try (PreparedStatement select =
                  new SqlFilter("", new Object[0])
                      .prepare(
                          c,
                          "select at, operator, action, target, detail from admin_audit"
                              + " order by at desc, id desc limit ?",
                          limit);
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              lines.add(
                  new AuditLine(
                      Instant.ofEpochMilli(rows.getLong(1)),
                      rows.getString(2),
                      rows.getString(3),
                      rows.getString(4),
                      rows.getString(5)));
            }
          }
          return lines;
        });
  }

  private void audit(Connection c, String operator, String action, String target, String detail)
      throws SQLException {
    execute(
        c,
        "insert into admin_audit (at, operator, action, target, detail) values (?, ?, ?, ?, ?)",
        clock.millis(),
        operator,
        action,
        target,
        detail);
  }

  private static Optional<StoredEntry> findEntry(Connection c, UUID id) throws SQLException {
    try (PreparedStatement select =
            new SqlFilter("", new Object[0])
                .prepare(c, "select " + ENTRY + " from waitlist where id = ?", id.toString());
        ResultSet rows = select.executeQuery()) {
      return rows.next() ? Optional.of(EmbeddedWaitlistStore.row(rows)) : Optional.empty();
    }
  }

  private static int execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = new SqlFilter("", new Object[0]).prepare(c, sql, args)) {
      return statement.executeUpdate();
    }
  }

  private static void addIfChanged(List<String> changed, String field, String old, String now) {
    if (!old.equals(now)) {
      changed.add(field);
    }
  }

  private static String add(List<Object> args, Object value) {
    args.add(value);
    return "";
  }

  private static CallSummary call(ResultSet rows) throws SQLException {
    String path = rows.getString("path");
    String outcome = rows.getString("outcome");
    String waitlistId = rows.getString("waitlist_id");
    String cost = rows.getString("cost_usd");
    return new CallSummary(
        rows.getString("call_sid"),
        rows.getString("from_number"),
        instant(rows, "started_at"),
        instant(rows, "ended_at"),
        path == null ? null : CallPath.fromWire(path),
        outcome == null ? null : CallOutcome.fromWire(outcome),
        waitlistId == null ? null : UUID.fromString(waitlistId),
        cost == null ? null : new BigDecimal(cost));
  }

  private static VoicemailItem voicemail(ResultSet rows) throws SQLException {
    int duration = rows.getInt("duration_s");
    Integer seconds = rows.wasNull() ? null : duration;
    Voicemail voicemail =
        new Voicemail(
            UUID.fromString(rows.getString("id")),
            rows.getString("call_sid"),
            rows.getString("from_number"),
            rows.getString("recording_sid"),
            rows.getString("recording_url"),
            seconds,
            rows.getString("transcription"),
            instant(rows, "created_at"));
    return new VoicemailItem(voicemail, instant(rows, "handled_at"), rows.getString("handled_by"));
  }
}
