package com.masseurmatch.waitlist.model.store.embedded;

import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import com.masseurmatch.waitlist.model.confirm.PendingChange;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Messages, opt-outs and pending changes in the embedded database, as in the migration. */
public final class EmbeddedConfirmationStore implements ConfirmationStore {

  static final String MESSAGE_COLUMNS =
      "id, dedupe_key, waitlist_id, channel, purpose, destination, status, provider_id,"
          + " error_code, error, attempts, created_at, updated_at";
  private static final Set<String> DELIVERY = Set.of("delivered", "undelivered", "failed");
  private static final Duration CHANGE_LIFETIME = Duration.ofDays(7);

  private final EmbeddedDatabase database;
  private final Clock clock;

  public EmbeddedConfirmationStore(Path dataDir, Clock clock) {
    this.database = new EmbeddedDatabase(dataDir);
    this.clock = clock;
    EmbeddedConfirmationSchema.apply(database);
  }

  @Override
  public MessageRecord beginAttempt(
      String dedupeKey, UUID waitlistId, Channel channel, String purpose, String destination) {
    return database.write(
        connection -> {
          long now = clock.millis();
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into messages (id, dedupe_key, waitlist_id, channel, purpose,"
                      + " destination, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
                      + " on conflict (dedupe_key) do nothing")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, dedupeKey);
            insert.setString(3, waitlistId == null ? null : waitlistId.toString());
            insert.setString(4, channel.wireName());
            insert.setString(5, purpose);
            insert.setString(6, destination);
            insert.setLong(7, now);
            insert.setLong(8, now);
            insert.executeUpdate();
          }
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update messages set attempts = attempts + 1, updated_at = ?"
                      + " where dedupe_key = ? and status in ('sending', 'retrying')")) {
            update.setLong(1, now);
            update.setString(2, dedupeKey);
            update.executeUpdate();
          }
          return messages(connection, "where dedupe_key = ?", List.of(dedupeKey)).get(0);
        });
  }

  @Override
  public void finish(
      UUID messageId, String status, String providerId, String errorCode, String error) {
    database.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update messages set status = ?, provider_id = coalesce(?, provider_id),"
                      + " error_code = ?, error = substr(?, 1, 2000), updated_at = ?"
                      + " where id = ?")) {
            update.setString(1, status);
            update.setString(2, providerId);
            update.setString(3, errorCode);
            update.setString(4, error);
            update.setLong(5, clock.millis());
            update.setString(6, messageId.toString());
            update.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public boolean recordDelivery(String providerId, String status, String errorCode) {
    if (!DELIVERY.contains(status)) {
      return false;
    }
    return database.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update messages set status = ?, error_code = ?, updated_at = ?"
                      + " where provider_id = ? and channel = 'sms'")) {
            update.setString(1, status);
            update.setString(2, errorCode);
            update.setLong(3, clock.millis());
            update.setString(4, providerId);
            return update.executeUpdate() > 0;
          }
        });
  }

  @Override
  public List<MessageRecord> messages(int offset, int limit) {
    return database.read(
        connection ->
            messages(
                connection,
                "order by created_at desc, id desc limit ? offset ?",
                List.of(limit, offset)));
  }

  @Override
  public void setSmsOptOut(String phone, boolean optedOut, String keyword) {
    database.write(
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "insert into sms_opt_outs (phone, opted_out, keyword, changed_at)"
                      + " values (?, ?, ?, ?) on conflict (phone) do update set"
                      + " opted_out = excluded.opted_out, keyword = excluded.keyword,"
                      + " changed_at = excluded.changed_at")) {
            upsert.setString(1, phone);
            upsert.setInt(2, optedOut ? 1 : 0);
            upsert.setString(3, keyword);
            upsert.setLong(4, clock.millis());
            upsert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public boolean smsOptedOut(String phone) {
    return exists("select 1 from sms_opt_outs where phone = ? and opted_out = 1", phone);
  }

  @Override
  public void optOutEmail(String email) {
    database.write(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into email_opt_outs (email, opted_out_at) values (?, ?)"
                      + " on conflict (email) do nothing")) {
            insert.setString(1, email);
            insert.setLong(2, clock.millis());
            insert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public boolean emailOptedOut(String email) {
    return exists("select 1 from email_opt_outs where email = ?", email);
  }

  @Override
  public Optional<StoredEntry> entry(UUID id) {
    return database.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select " + EmbeddedWaitlistStore.COLUMNS + " from waitlist where id = ?")) {
            select.setString(1, id.toString());
            try (ResultSet rows = select.executeQuery()) {
              return rows.next() ? Optional.of(EmbeddedWaitlistStore.row(rows)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public Optional<PendingChange> pendingChange(UUID id) {
    return database.read(connection -> EmbeddedPendingChanges.find(connection, id));
  }

  @Override
  public Optional<StoredEntry> applyChange(UUID changeId, String version) {
    return database.write(
        connection -> EmbeddedPendingChanges.apply(connection, changeId, version, clock.millis()));
  }

  @Override
  public List<StoredEntry> applyChangesForPhone(String phone) {
    return database.write(
        connection -> {
          long now = clock.millis();
          List<String[]> changes = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select p.id, p.version from pending_changes p join waitlist w"
                      + " on w.id = p.waitlist_id where w.phone = ? and p.updated_at > ?")) {
            select.setString(1, phone);
            select.setLong(2, now - CHANGE_LIFETIME.toMillis());
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                changes.add(new String[] {rows.getString(1), rows.getString(2)});
              }
            }
          }
          List<StoredEntry> applied = new ArrayList<>();
          for (String[] change : changes) {
            EmbeddedPendingChanges.apply(connection, UUID.fromString(change[0]), change[1], now)
                .ifPresent(applied::add);
          }
          return applied;
        });
  }

  @Override
  public boolean removeEntry(UUID id) {
    return database.write(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("delete from waitlist where id = ?")) {
            delete.setString(1, id.toString());
            return delete.executeUpdate() > 0;
          }
        });
  }

  private boolean exists(String sql, String value) {
    return database.read(
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, value);
            try (ResultSet rows = select.executeQuery()) {
              return rows.next();
            }
          }
        });
  }

  private static List<MessageRecord> messages(
      java.sql.Connection connection, String tail, List<Object> args) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("select " + MESSAGE_COLUMNS + " from messages " + tail)) {
      for (int i = 0; i < args.size(); i++) {
        select.setObject(i + 1, args.get(i));
      }
      List<MessageRecord> rows = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.add(message(row));
        }
      }
      return rows;
    }
  }

  /** A {@code messages} row. */
  static MessageRecord message(ResultSet row) throws SQLException {
    String waitlistId = row.getString("waitlist_id");
    return new MessageRecord(
        UUID.fromString(row.getString("id")),
        row.getString("dedupe_key"),
        waitlistId == null ? null : UUID.fromString(waitlistId),
        Channel.fromWire(row.getString("channel")),
        row.getString("purpose"),
        row.getString("destination"),
        row.getString("status"),
        row.getString("provider_id"),
        row.getString("error_code"),
        row.getString("error"),
        row.getInt("attempts"),
        Instant.ofEpochMilli(row.getLong("created_at")),
        Instant.ofEpochMilli(row.getLong("updated_at")));
  }
}
