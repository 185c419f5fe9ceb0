package com.masseurmatch.waitlist.ivr.recording;

import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import com.masseurmatch.waitlist.model.recording.Consent;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import com.masseurmatch.waitlist.model.store.WaitlistConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** Rows for the recording tests, written through the stores; a time moved back through SQL. */
final class RecordingRows {

  private RecordingRows() {}

  static String recordingSid() {
    return "RE" + UUID.randomUUID().toString().replace("-", "");
  }

  /** A finished call from {@code from} with a short transcript. */
  static void call(CallRecordStore calls, String callSid, String from, Instant startedAt) {
    calls.upsert(
        CallRecord.of(callSid)
            .withFrom(from)
            .withStartedAt(startedAt)
            .withEndedAt(startedAt.plusSeconds(60))
            .withTranscript(
                List.of(
                    new TranscriptTurn("knotty", "Hi, I'm Knotty.", startedAt),
                    new TranscriptTurn("caller", "I'm Ann Lee.", startedAt.plusSeconds(5)))));
  }

  /** A completed call recording made with consent given by key. */
  static String recording(RecordingStore recordings, String callSid) {
    String sid = recordingSid();
    Consent consent = new Consent(Consent.GIVEN, "key", Instant.now());
    recordings.consent(callSid, consent);
    recordings.started(recordings.requested(callSid, consent), sid, "completed", 2);
    return sid;
  }

  /** Moves the recording's creation back by {@code days}. */
  static void age(WaitlistConfig config, String recordingSid, int days) throws Exception {
    String url = "jdbc:sqlite:" + config.dataDir().resolve("waitlist.db").toAbsolutePath();
    try (Connection c = new org.sqlite.JDBC().connect(url, new Properties());
        PreparedStatement update =
            c.prepareStatement("update recordings set created_at = ? where recording_sid = ?")) {
      update.setLong(1, Instant.now().minusSeconds(86_400L * days).toEpochMilli());
      update.setString(2, recordingSid);
      if (update.executeUpdate() != 1) {
        throw new AssertionError("no recording " + recordingSid);
      }
    }
  }

  static Path database(WaitlistConfig config) {
    return config.dataDir().resolve("waitlist.db");
  }
}
