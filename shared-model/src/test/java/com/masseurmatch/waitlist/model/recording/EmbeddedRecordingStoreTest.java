package com.masseurmatch.waitlist.model.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.store.RowJson;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedAnalysisStore;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedDatabase;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedJobStore;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedRecordingStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRecordingStoreTest extends RecordingStoreContract {

  static final ObjectMapper JSON =
      RowJson.mapper(new ObjectMapper().registerModule(new JavaTimeModule()));

  @TempDir Path dir;
  private EmbeddedDatabase database;
  private RecordingStore recordings;
  private AnalysisStore analysis;
  private JobStore jobs;

  @BeforeEach
  void open() {
    database = new EmbeddedDatabase(dir);
    jobs = new EmbeddedJobStore(database, JSON, Clock.systemUTC());
    recordings = new EmbeddedRecordingStore(dir, Clock.systemUTC());
    analysis = new EmbeddedAnalysisStore(dir, JSON, Clock.systemUTC());
  }

  @Override
  protected RecordingStore recordings() {
    return recordings;
  }

  @Override
  protected AnalysisStore analysis() {
    return analysis;
  }

  @Override
  protected JobStore jobs() {
    return jobs;
  }

  @Override
  protected void call(
      String callSid, String from, Instant startedAt, UUID waitlistId, boolean transcript) {
    database.write(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "insert into calls (call_sid, from_number, started_at, waitlist_id, transcript,"
                      + " collected) values (?, ?, ?, ?, ?, ?) on conflict (call_sid) do update"
                      + " set from_number = excluded.from_number, started_at ="
                      + " excluded.started_at, transcript = excluded.transcript")) {
            insert.setString(1, callSid);
            insert.setString(2, from);
            insert.setLong(3, startedAt.toEpochMilli());
            insert.setString(4, waitlistId == null ? null : waitlistId.toString());
            insert.setString(
                5, transcript ? "[{\"speaker\":\"caller\",\"text\":\"I'm Ann\"}]" : null);
            insert.setString(6, "{\"full_name\":\"Ann\"}");
            insert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  protected void voicemail(
      String callSid, String from, String recordingSid, Instant at, String transcription) {
    database.write(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "insert into voicemails (id, call_sid, from_number, recording_sid,"
                      + " recording_url, duration_s, transcription, created_at)"
                      + " values (?, ?, ?, ?, ?, 12, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, callSid);
            insert.setString(3, from);
            insert.setString(4, recordingSid);
            insert.setString(5, "https://api.twilio.com/x/" + recordingSid);
            insert.setString(6, transcription);
            insert.setLong(7, at.toEpochMilli());
            insert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  protected void message(String destination) {
    database.write(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "insert into messages (id, dedupe_key, channel, purpose, destination,"
                      + " created_at, updated_at) values (?, ?, 'sms', 'signup', ?, 0, 0)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "m:" + UUID.randomUUID());
            insert.setString(3, destination);
            insert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  protected long count(String table, String where) {
    return database.read(
        c -> {
          try (PreparedStatement select =
                  c.prepareStatement("select count(*) from " + table + " where " + where);
              ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }
}
