package com.masseurmatch.waitlist.model.store.embedded;

import com.masseurmatch.waitlist.model.confirm.PendingChange;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** The embedded {@code pending_changes} table: one waiting change per entry. */
final class EmbeddedPendingChanges {

  private static final String COLUMNS =
      "id, waitlist_id, full_name, phone, role, source, call_sid, version, created_at, updated_at";

  private EmbeddedPendingChanges() {}

  /** Stores the entry's pending change; the same details again leave it (and its notice) as is. */
  static void put(Connection connection, UUID waitlistId, WaitlistEntry entry, long now)
      throws SQLException {
    String version = version(entry);
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "insert into pending_changes ("
                + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (waitlist_id) do update"
                + " set full_name = excluded.full_name, phone = excluded.phone,"
                + " role = excluded.role, source = excluded.source, call_sid = excluded.call_sid,"
                + " version = excluded.version, updated_at = excluded.updated_at"
                + " where version is not excluded.version")) {
      upsert.setString(1, UUID.randomUUID().toString());
      upsert.setString(2, waitlistId.toString());
      upsert.setString(3, entry.fullName());
      upsert.setString(4, entry.phone());
      upsert.setString(5, entry.role().wireName());
      upsert.setString(6, entry.source().wireName());
      upsert.setString(7, entry.callSid());
      upsert.setString(8, version);
      upsert.setLong(9, now);
      upsert.setLong(10, now);
      upsert.executeUpdate();
    }
  }

  static Optional<PendingChange> find(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("select " + COLUMNS + " from pending_changes where id = ?")) {
      select.setString(1, id.toString());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(row(rows)) : Optional.empty();
      }
    }
  }

  /** Applies and removes the change if it still has this version; the updated entry. */
  static Optional<StoredEntry> apply(Connection connection, UUID id, String version, long now)
      throws SQLException {
    Optional<PendingChange> change = find(connection, id).filter(c -> c.version().equals(version));
    if (change.isEmpty()) {
      return Optional.empty();
    }
    PendingChange c = change.get();
    try (PreparedStatement delete =
            connection.prepareStatement("delete from pending_changes where id = ?");
        PreparedStatement update =
            connection.prepareStatement(
                "update waitlist set full_name = ?, phone = ?, role = ?, source = ?,"
                    + " call_sid = coalesce(?, call_sid), updated_at = ? where id = ?")) {
      delete.setString(1, id.toString());
      delete.executeUpdate();
      update.setString(1, c.fullName());
      update.setString(2, c.phone());
      update.setString(3, c.role().wireName());
      update.setString(4, c.source().wireName());
      update.setString(5, c.callSid());
      update.setLong(6, now);
      update.setString(7, c.waitlistId().toString());
      update.executeUpdate();
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "select " + EmbeddedWaitlistStore.COLUMNS + " from waitlist where id = ?")) {
      select.setString(1, c.waitlistId().toString());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(EmbeddedWaitlistStore.row(rows)) : Optional.empty();
      }
    }
  }

  /** The same digest of the details for the same details. */
  static String version(WaitlistEntry entry) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (entry.fullName() + "|" + entry.phone() + "|" + entry.role().wireName())
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PendingChange row(ResultSet rows) throws SQLException {
    return new PendingChange(
        UUID.fromString(rows.getString("id")),
        UUID.fromString(rows.getString("waitlist_id")),
        rows.getString("full_name"),
        rows.getString("phone"),
        Role.fromWire(rows.getString("role")),
        Source.fromWire(rows.getString("source")),
        rows.getString("call_sid"),
        rows.getString("version"),
        Instant.ofEpochMilli(rows.getLong("created_at")),
        Instant.ofEpochMilli(rows.getLong("updated_at")));
  }
}
