package com.masseurmatch.waitlist.model.store.embedded;

import com.masseurmatch.waitlist.model.recording.Consent;
import com.masseurmatch.waitlist.model.recording.Recording;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Recordings in the embedded database, with the contract of the Supabase functions. */
public final class EmbeddedRecordingStore implements RecordingStore {

  private static final String COLUMNS =
      "id, recording_sid, call_sid, kind, status, channels, duration_s, consent_at,"
          + " consent_method, error, created_at, updated_at";

  private final EmbeddedDatabase database;
  private final Clock clock;

  public EmbeddedRecordingStore(Path dataDir, Clock clock) {
    this.database = new EmbeddedDatabase(dataDir);
    this.clock = clock;
    EmbeddedRecordingSchema.apply(database);
  }

  @Override
  public void consent(String callSid, Consent consent) {
    database.write(
        c ->
            RecordingSql.update(
                c,
                "insert into calls (call_sid, recording_consent, recording_consent_method,"
                    + " recording_consent_at) values (?, ?, ?, ?) on conflict (call_sid) do update"
                    + " set recording_consent = excluded.recording_consent,"
                    + " recording_consent_method = excluded.recording_consent_method,"
                    + " recording_consent_at = excluded.recording_consent_at",
                callSid,
                consent.decision(),
                consent.method(),
                consent.at().toEpochMilli()));
  }

  @Override
  public UUID requested(String callSid, Consent consent) {
    UUID id = UUID.randomUUID();
    long now = clock.millis();
    database.write(
        c ->
            RecordingSql.update(
                c,
                "insert into recordings (id, call_sid, kind, status, consent_at, consent_method,"
                    + " created_at, updated_at) values (?, ?, 'call', 'requested', ?, ?, ?, ?)",
                id.toString(),
                callSid,
                consent.at().toEpochMilli(),
                consent.method(),
                now,
                now));
    return id;
  }

  @Override
  public void started(UUID id, String recordingSid, String status, Integer channels) {
    database.write(
        c ->
            RecordingSql.update(
                c,
                "update recordings set recording_sid = ?, status = ?, channels = ?,"
                    + " updated_at = ? where id = ?",
                recordingSid,
                status,
                channels,
                clock.millis(),
                id.toString()));
  }

  @Override
  public void startFailed(UUID id, String error) {
    database.write(
        c ->
            RecordingSql.update(
                c,
                "update recordings set status = 'failed', error = substr(?, 1, 500),"
                    + " updated_at = ? where id = ?",
                error,
                clock.millis(),
                id.toString()));
  }

  @Override
  public boolean status(
      String recordingSid, String callSid, String status, Integer durationS, Integer channels) {
    return database.write(
            c ->
                RecordingSql.update(
                    c,
                    "update recordings set status = case when status = 'deleting' then status"
                        + " else ? end, duration_s = coalesce(?, duration_s),"
                        + " channels = coalesce(?, channels), updated_at = ?"
                        + " where recording_sid = ? and call_sid = ?",
                    status,
                    durationS,
                    channels,
                    clock.millis(),
                    recordingSid,
                    callSid))
        > 0;
  }

  @Override
  public List<Recording> forCalls(Collection<String> callSids) {
    if (callSids.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(callSids.size(), "?"));
    return database.read(
        c ->
            select(
                c,
                "select "
                    + COLUMNS
                    + " from recordings where call_sid in ("
                    + marks
                    + ") order by created_at, id",
                callSids.toArray()));
  }

  @Override
  public Optional<Recording> find(String recordingSid) {
    return database
        .read(
            c ->
                select(
                    c,
                    "select " + COLUMNS + " from recordings where recording_sid = ?",
                    recordingSid))
        .stream()
        .findFirst();
  }

  @Override
  public List<String> expire(Instant before, int limit) {
    return database.write(
        c -> {
          RecordingSql.update(
              c,
              "delete from recordings where recording_sid is null and created_at < ?",
              before.toEpochMilli());
          List<String> sids =
              RecordingSql.strings(
                  c,
                  "select recording_sid from recordings where created_at < ? and recording_sid"
                      + " is not null order by created_at limit ?",
                  before.toEpochMilli(),
                  limit);
          markDeleting(c, sids);
          return sids;
        });
  }

  @Override
  public void deleted(String recordingSid) {
    database.write(
        c -> {
          RecordingSql.update(
              c,
              "update voicemails set recording_url = null where recording_sid = ?",
              recordingSid);
          return RecordingSql.update(
              c, "delete from recordings where recording_sid = ?", recordingSid);
        });
  }

  @Override
  public int clearTranscripts(Instant before) {
    long cutoff = before.toEpochMilli();
    return database.write(
        c ->
            RecordingSql.update(
                    c,
                    "update calls set transcript = null, collected = null, assistant_state = null,"
                        + " analysis = case when analysis is null then null else"
                        + " json_remove(analysis, '$.summary', '$.follow_up_reason') end"
                        + " where coalesce(started_at, ended_at) < ? and (transcript is not null"
                        + " or collected is not null or assistant_state is not null"
                        + " or json_extract(analysis, '$.summary') is not null)",
                    cutoff)
                + RecordingSql.update(
                    c,
                    "update voicemails set transcription = null where created_at < ?"
                        + " and transcription is not null",
                    cutoff));
  }

  @Override
  public List<String> erase(String phone, String email, UUID waitlistId, String callSid) {
    return database.write(
        c -> {
          List<String> recordings = EmbeddedErasure.erase(c, phone, email, waitlistId, callSid);
          markDeleting(c, recordings);
          return recordings;
        });
  }

  private void markDeleting(Connection c, List<String> recordingSids) throws SQLException {
    for (String sid : recordingSids) {
      RecordingSql.update(
          c,
          "update recordings set status = 'deleting', updated_at = ? where recording_sid = ?",
          clock.millis(),
          sid);
    }
  }

  private static List<Recording> select(Connection c, String sql, Object... args)
      throws SQLException {
    List<Recording> rows = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(sql)) {
      RecordingSql.bind(select, args);
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          rows.add(
              new Recording(
                  UUID.fromString(r.getString("id")),
                  r.getString("recording_sid"),
                  r.getString("call_sid"),
                  r.getString("kind"),
                  r.getString("status"),
                  RecordingSql.integer(r, "channels"),
                  RecordingSql.integer(r, "duration_s"),
                  EmbeddedCallRecordStore.instant(r, "consent_at"),
                  r.getString("consent_method"),
                  r.getString("error"),
                  EmbeddedCallRecordStore.instant(r, "created_at"),
                  EmbeddedCallRecordStore.instant(r, "updated_at")));
        }
      }
    }
    return rows;
  }
}
