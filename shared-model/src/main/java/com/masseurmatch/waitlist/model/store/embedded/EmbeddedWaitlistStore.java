package com.masseurmatch.waitlist.model.store.embedded;

import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.SaveResult;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.StatsTally;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.SubmitResult;
import com.masseurmatch.waitlist.model.waitlist.SubmitResult.Outcome;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStats;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The waitlist in the embedded database, with the same upsert-on-e-mail rule as Supabase. */
public final class EmbeddedWaitlistStore implements WaitlistStore {

  static final String COLUMNS =
      "id, full_name, phone, email, role, source, call_sid, created_at, updated_at, language";

  private final EmbeddedDatabase database;
  private final Clock clock;

  public EmbeddedWaitlistStore(EmbeddedDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
    EmbeddedConfirmationSchema.apply(database);
  }

  @Override
  public SaveResult upsert(WaitlistEntry entry) {
    return database.write(
        connection -> {
          Optional<StoredEntry> existing = findByEmail(connection, entry.email());
          long now = clock.millis();
          if (existing.isEmpty()) {
            insert(connection, entry, now);
            return new SaveResult(findByEmail(connection, entry.email()).orElseThrow(), true);
          }
          update(connection, entry, now);
          return new SaveResult(findByEmail(connection, entry.email()).orElseThrow(), false);
        });
  }

  @Override
  public SubmitResult submit(WaitlistEntry entry) {
    return database.write(
        connection -> {
          Optional<StoredEntry> found = findByEmail(connection, entry.email());
          long now = clock.millis();
          if (found.isEmpty()) {
            insert(connection, entry, now);
            return new SubmitResult(
                findByEmail(connection, entry.email()).orElseThrow().id(), Outcome.CREATED);
          }
          StoredEntry existing = found.get();
          if (existing.fullName().equals(entry.fullName())
              && existing.phone().equals(entry.phone())
              && existing.role() == entry.role()) {
            return new SubmitResult(existing.id(), Outcome.UNCHANGED);
          }
          if ((entry.source() == Source.PHONE || entry.source() == Source.FALLBACK)
              && existing.phone().equals(entry.phone())) {
            update(connection, entry, now);
            return new SubmitResult(existing.id(), Outcome.UPDATED);
          }
          EmbeddedPendingChanges.put(connection, existing.id(), entry, now);
          return new SubmitResult(existing.id(), Outcome.PENDING);
        });
  }

  private static void insert(Connection connection, WaitlistEntry entry, long now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into waitlist (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, entry.fullName());
      insert.setString(3, entry.phone());
      insert.setString(4, entry.email());
      insert.setString(5, entry.role().wireName());
      insert.setString(6, entry.source().wireName());
      insert.setString(7, entry.callSid());
      insert.setLong(8, now);
      insert.setLong(9, now);
      insert.setString(10, entry.language());
      insert.executeUpdate();
    }
  }

  /** Overwrites the given fields, as PostgREST's merge does; a missing call SID keeps the old. */
  private static void update(Connection connection, WaitlistEntry entry, long now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            """
            update waitlist set full_name = ?, phone = ?, role = ?, source = ?,
              call_sid = coalesce(?, call_sid), updated_at = ?, language = ?
            where email = ? and (full_name is not ? or phone is not ? or role is not ?
              or source is not ? or call_sid is not coalesce(?, call_sid)
              or language is not ?)""")) {
      update.setString(1, entry.fullName());
      update.setString(2, entry.phone());
      update.setString(3, entry.role().wireName());
      update.setString(4, entry.source().wireName());
      update.setString(5, entry.callSid());
      update.setLong(6, now);
      update.setString(7, entry.language());
      update.setString(8, entry.email());
      update.setString(9, entry.fullName());
      update.setString(10, entry.phone());
      update.setString(11, entry.role().wireName());
      update.setString(12, entry.source().wireName());
      update.setString(13, entry.callSid());
      update.setString(14, entry.language());
      update.executeUpdate();
    }
  }

  static Optional<StoredEntry> findByEmail(Connection connection, String email)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("select " + COLUMNS + " from waitlist where email = ?")) {
      select.setString(1, email);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(row(rows)) : Optional.empty();
      }
    }
  }

  @Override
  public WaitlistPage list(WaitlistQuery query) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<String> args = new ArrayList<>();
    query
        .role()
        .ifPresent(
            role -> {
              where.append(" and role = ?");
              args.add(role.wireName());
            });
    query
        .language()
        .ifPresent(
            language -> {
              where.append(" and language = ?");
              args.add(language.code());
            });
    query
        .search()
        .ifPresent(
            text -> {
              where.append(
                  " and (full_name like ? escape '\\' or email like ? escape '\\'"
                      + " or phone like ? escape '\\')");
              String pattern = "%" + text.replaceAll("([\\\\%_])", "\\\\$1") + "%";
              args.add(pattern);
              args.add(pattern);
              args.add(pattern);
            });
    return database.read(
        connection -> {
          long total;
          try (PreparedStatement count =
              connection.prepareStatement("select count(*) from waitlist" + where)) {
            bind(count, args);
            try (ResultSet rows = count.executeQuery()) {
              rows.next();
              total = rows.getLong(1);
            }
          }
          List<StoredEntry> items = new ArrayList<>();
          try (PreparedStatement page =
              connection.prepareStatement(
                  "select "
                      + COLUMNS
                      + " from waitlist"
                      + where
                      + " order by created_at desc, id desc limit ? offset ?")) {
            bind(page, args);
            page.setInt(args.size() + 1, query.limit());
            page.setInt(args.size() + 2, query.offset());
            try (ResultSet rows = page.executeQuery()) {
              while (rows.next()) {
                items.add(row(rows));
              }
            }
          }
          return new WaitlistPage(items, total, query.offset(), query.limit());
        });
  }

  @Override
  public WaitlistStats stats() {
    return database.read(
        connection -> {
          StatsTally tally = new StatsTally();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "select role, source, count(*) from waitlist group by role, source");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              tally.add(
                  Role.fromWire(rows.getString(1)),
                  Source.fromWire(rows.getString(2)),
                  rows.getLong(3));
            }
          }
          return tally.stats();
        });
  }

  private static void bind(PreparedStatement statement, List<String> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      statement.setString(i + 1, args.get(i));
    }
  }

  static StoredEntry row(ResultSet rows) throws SQLException {
    return new StoredEntry(
        UUID.fromString(rows.getString("id")),
        rows.getString("full_name"),
        rows.getString("phone"),
        rows.getString("email"),
        Role.fromWire(rows.getString("role")),
        Source.fromWire(rows.getString("source")),
        rows.getString("call_sid"),
        Instant.ofEpochMilli(rows.getLong("created_at")),
        Instant.ofEpochMilli(rows.getLong("updated_at")),
        rows.getString("language"));
  }
}
