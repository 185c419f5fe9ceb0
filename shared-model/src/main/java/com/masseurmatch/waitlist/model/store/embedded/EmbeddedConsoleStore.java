package com.masseurmatch.waitlist.model.store.embedded;

import com.masseurmatch.waitlist.model.console.Analytics;
import com.masseurmatch.waitlist.model.console.AuditLine;
import com.masseurmatch.waitlist.model.console.CallPage;
import com.masseurmatch.waitlist.model.console.CallSearch;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.console.EditResult;
import com.masseurmatch.waitlist.model.console.EntrySearch;
import com.masseurmatch.waitlist.model.console.MessagePage;
import com.masseurmatch.waitlist.model.console.MessageSearch;
import com.masseurmatch.waitlist.model.console.OptOut;
import com.masseurmatch.waitlist.model.console.Overview;
import com.masseurmatch.waitlist.model.console.VoicemailItem;
import com.masseurmatch.waitlist.model.console.VoicemailPage;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The console's reads and changes on the embedded database, with an audit line per change: the
 * waitlist ({@link EmbeddedConsoleEntries}), the lists ({@link EmbeddedConsoleInbox}), the
 * aggregations ({@link EmbeddedOverview}, {@link EmbeddedAnalytics}) and the ended sign-ins.
 */
public final class EmbeddedConsoleStore implements ConsoleStore {

  private final EmbeddedDatabase database;
  private final Clock clock;
  private final EmbeddedConsoleEntries entries;
  private final EmbeddedConsoleInbox inbox;
  private final EmbeddedOverview overview;
  private final EmbeddedAnalytics analytics;

  public EmbeddedConsoleStore(EmbeddedDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
    EmbeddedAudit audit = new EmbeddedAudit(clock);
    this.entries = new EmbeddedConsoleEntries(database, clock, audit);
    this.inbox = new EmbeddedConsoleInbox(database, clock, audit);
    this.overview = new EmbeddedOverview(database);
    this.analytics = new EmbeddedAnalytics(database);
    EmbeddedConfirmationSchema.apply(database);
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
                "create table if not exists console_revoked_sessions"
                    + " (session_id text primary key, expires_at integer not null)");
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
    return overview.overview(now);
  }

  @Override
  public Analytics analytics(Instant from, Instant to) {
    return analytics.analytics(from, to);
  }

  @Override
  public WaitlistPage entries(EntrySearch search) {
    return entries.entries(search);
  }

  @Override
  public Optional<StoredEntry> entry(UUID id) {
    return entries.entry(id);
  }

  @Override
  public EditResult update(UUID id, WaitlistEntry entry, String operator) {
    return entries.update(id, entry, operator);
  }

  @Override
  public boolean erase(UUID id, String operator, String reason) {
    return entries.erase(id, operator, reason);
  }

  @Override
  public CallPage calls(CallSearch search) {
    return inbox.calls(search);
  }

  @Override
  public VoicemailPage voicemails(boolean unhandledOnly, int offset, int limit) {
    return inbox.voicemails(unhandledOnly, offset, limit);
  }

  @Override
  public Optional<VoicemailItem> voicemail(UUID id) {
    return inbox.voicemail(id);
  }

  @Override
  public boolean markHandled(UUID id, String operator) {
    return inbox.markHandled(id, operator);
  }

  @Override
  public List<AuditLine> audit(int limit) {
    return database.read(c -> EmbeddedAudit.latest(c, limit));
  }

  @Override
  public MessagePage messages(MessageSearch search) {
    return inbox.messages(search);
  }

  @Override
  public List<OptOut> optOuts(int limit) {
    return inbox.optOuts(limit);
  }

  @Override
  public void revokeSession(String sessionId, Instant expiresAt) {
    database.write(
        c -> {
          EmbeddedSql.execute(
              c, "delete from console_revoked_sessions where expires_at <= ?", clock.millis());
          return EmbeddedSql.execute(
              c,
              "insert or ignore into console_revoked_sessions (session_id, expires_at)"
                  + " values (?, ?)",
              sessionId,
              expiresAt.toEpochMilli());
        });
  }

  @Override
  public boolean sessionRevoked(String sessionId) {
    return database.read(
        c -> {
          try (ResultSet rows =
              EmbeddedSql.query(
                  c, "select 1 from console_revoked_sessions where session_id = ?", sessionId)) {
            return rows.next();
          }
        });
  }
}
