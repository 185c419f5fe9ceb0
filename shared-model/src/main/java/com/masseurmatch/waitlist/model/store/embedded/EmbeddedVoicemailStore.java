package com.masseurmatch.waitlist.model.store.embedded;

import static com.masseurmatch.waitlist.model.store.embedded.EmbeddedCallRecordStore.instant;

import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Voicemails in the embedded database, one row per recording SID. */
public final class EmbeddedVoicemailStore implements VoicemailStore {

  private static final String COLUMNS =
      "id, call_sid, from_number, recording_sid, recording_url, duration_s, transcription,"
          + " created_at";

  private final EmbeddedDatabase database;
  private final Clock clock;

  public EmbeddedVoicemailStore(EmbeddedDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public Voicemail upsert(Voicemail voicemail) {
    return database.write(
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "insert into voicemails ("
                      + COLUMNS
                      + ") values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (recording_sid) do update"
                      + " set call_sid = coalesce(excluded.call_sid, call_sid),"
                      + " from_number = coalesce(excluded.from_number, from_number),"
                      + " recording_url = coalesce(excluded.recording_url, recording_url),"
                      + " duration_s = coalesce(excluded.duration_s, duration_s),"
                      + " transcription = coalesce(excluded.transcription, transcription)")) {
            upsert.setString(1, UUID.randomUUID().toString());
            upsert.setString(2, voicemail.callSid());
            upsert.setString(3, voicemail.fromNumber());
            upsert.setString(4, voicemail.recordingSid());
            upsert.setString(5, voicemail.recordingUrl());
            if (voicemail.durationSeconds() == null) {
              upsert.setNull(6, Types.INTEGER);
            } else {
              upsert.setInt(6, voicemail.durationSeconds());
            }
            upsert.setString(7, voicemail.transcription());
            upsert.setLong(8, clock.millis());
            upsert.executeUpdate();
          }
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select " + COLUMNS + " from voicemails where recording_sid = ?")) {
            select.setString(1, voicemail.recordingSid());
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              return row(rows);
            }
          }
        });
  }

  @Override
  public List<Voicemail> recent(int limit) {
    return database.read(
        connection -> {
          List<Voicemail> voicemails = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select " + COLUMNS + " from voicemails order by created_at desc limit ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                voicemails.add(row(rows));
              }
            }
          }
          return voicemails;
        });
  }

  private static Voicemail row(ResultSet rows) throws SQLException {
    int duration = rows.getInt("duration_s");
    Integer durationSeconds = rows.wasNull() ? null : duration;
    return new Voicemail(
        UUID.fromString(rows.getString("id")),
        rows.getString("call_sid"),
        rows.getString("from_number"),
        rows.getString("recording_sid"),
        rows.getString("recording_url"),
        durationSeconds,
        rows.getString("transcription"),
        instant(rows, "created_at"));
  }
}
