package com.masseurmatch.waitlist.model.store.embedded;

import com.masseurmatch.waitlist.model.console.EditResult;
import com.masseurmatch.waitlist.model.console.EntrySearch;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The console's waitlist on the embedded database: search, edit and erase, each audited. */
final class EmbeddedConsoleEntries {

  private static final String ENTRY =
      "id, full_name, phone, email, role, source, call_sid, created_at, updated_at";

  private final EmbeddedDatabase database;
  private final Clock clock;
  private final EmbeddedAudit audit;

  EmbeddedConsoleEntries(EmbeddedDatabase database, Clock clock, EmbeddedAudit audit) {
    this.database = database;
    this.clock = clock;
    this.audit = audit;
  }

  WaitlistPage entries(EntrySearch search) {
    String direction = search.descending() ? " desc" : " asc";
    SqlFilter.Paged<StoredEntry> page =
        database.read(
            c ->
                EmbeddedEntryFilter.of(search)
                    .page(
                        c,
                        ENTRY,
                        "waitlist",
                        search.sort().column() + direction + ", id" + direction,
                        search.offset(),
                        search.limit(),
                        EmbeddedWaitlistStore::row));
    return new WaitlistPage(page.rows(), page.total(), search.offset(), search.limit());
  }

  Optional<StoredEntry> entry(UUID id) {
    return database.read(c -> find(c, id));
  }

  EditResult update(UUID id, WaitlistEntry entry, String operator) {
    return database.write(
        c -> {
          Optional<StoredEntry> current = find(c, id);
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
            EmbeddedSql.execute(
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
          audit.add(
              c,
              operator,
              "edit",
              id.toString(),
              changed.isEmpty() ? null : String.join(",", changed));
          return EditResult.UPDATED;
        });
  }

  boolean erase(UUID id, String operator, String reason) {
    return database.write(
        c -> {
          Optional<StoredEntry> current = find(c, id);
          if (current.isEmpty()) {
            return false;
          }
          String sid = current.get().callSid();
          EmbeddedSql.execute(c, "delete from waitlist where id = ?", id.toString());
          EmbeddedSql.execute(
              c,
              "update calls set transcript = null, collected = null, assistant_state = null,"
                  + " from_number = null where waitlist_id = ? or (? is not null and call_sid = ?)",
              id.toString(),
              sid,
              sid);
          if (sid != null) {
            EmbeddedSql.execute(
                c,
                "update voicemails set transcription = null, recording_url = null,"
                    + " from_number = null where call_sid = ?",
                sid);
          }
          audit.add(c, operator, "erase", id.toString(), reason);
          return true;
        });
  }

  private static Optional<StoredEntry> find(Connection c, UUID id) throws SQLException {
    try (ResultSet rows =
        EmbeddedSql.query(c, "select " + ENTRY + " from waitlist where id = ?", id.toString())) {
      return rows.next() ? Optional.of(EmbeddedWaitlistStore.row(rows)) : Optional.empty();
    }
  }

  private static void addIfChanged(List<String> changed, String field, String old, String now) {
    if (!old.equals(now)) {
      changed.add(field);
    }
  }
}
