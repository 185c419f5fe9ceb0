package com.masseurmatch.waitlist.model.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.migration.MigratedDatabase;
import com.masseurmatch.waitlist.model.store.RowJson;
import com.masseurmatch.waitlist.model.store.SupabaseConfig;
import com.masseurmatch.waitlist.model.store.postgrest.PostgrestAnalysisStore;
import com.masseurmatch.waitlist.model.store.postgrest.PostgrestBackend;
import com.masseurmatch.waitlist.model.store.postgrest.PostgrestRecordingStore;
import com.masseurmatch.waitlist.model.testing.PostgrestOnPostgres;
import com.masseurmatch.waitlist.model.testing.PostgrestWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;

/**
 * The recordings' contract through the service's PostgREST client, against the PostgREST stand-in
 * on the real PostgreSQL with the migrations applied.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgrestOnPostgres.class, restrictToAnnotatedClass = true)
class PostgrestRecordingStoreTest extends RecordingStoreContract {

  @Inject ObjectMapper json;
  private RecordingStore recordings;
  private AnalysisStore analysis;
  private JobStore jobs;

  /**
   * The stores on this stand-in, built here: another test resource may point {@code supabase.url}
   * elsewhere.
   */
  @BeforeEach
  void open() {
    SupabaseConfig config =
        new StandInConfig(
            URI.create(ConfigProvider.getConfig().getValue("test.postgrest.url", String.class)));
    ObjectMapper rows = RowJson.mapper(json);
    recordings = new PostgrestRecordingStore(config, rows);
    analysis = new PostgrestAnalysisStore(config, rows);
    jobs = new PostgrestBackend(config, rows).jobs();
  }

  /** The stand-in's settings. */
  private record StandInConfig(URI address) implements SupabaseConfig {
    @Override
    public Optional<URI> url() {
      return Optional.of(address);
    }

    @Override
    public Optional<String> serviceRoleKey() {
      return Optional.of(PostgrestWireMock.SERVICE_KEY);
    }

    @Override
    public Duration connectTimeout() {
      return Duration.ofSeconds(3);
    }

    @Override
    public Duration readTimeout() {
      return Duration.ofSeconds(10);
    }

    @Override
    public int maxAttempts() {
      return 1;
    }

    @Override
    public Duration retryDelay() {
      return Duration.ofMillis(10);
    }
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

  private static Connection connect() throws Exception {
    return MigratedDatabase.open(
        ConfigProvider.getConfig().getValue("test.postgres.url", String.class));
  }

  @Override
  protected void call(
      String callSid, String from, Instant startedAt, UUID waitlistId, boolean transcript)
      throws Exception {
    try (Connection c = connect();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into public.calls (call_sid, from_number, started_at, waitlist_id,"
                    + " transcript, collected) values (?, ?, ?, ?, ?::jsonb,"
                    + " '{\"full_name\":\"Ann\"}'::jsonb) on conflict (call_sid) do update"
                    + " set from_number = excluded.from_number, started_at = excluded.started_at,"
                    + " transcript = excluded.transcript")) {
      insert.setString(1, callSid);
      insert.setString(2, from);
      insert.setTimestamp(3, Timestamp.from(startedAt));
      insert.setObject(4, waitlistId);
      insert.setString(5, transcript ? "[{\"speaker\":\"caller\",\"text\":\"I'm Ann\"}]" : null);
      insert.executeUpdate();
    }
  }

  @Override
  protected void voicemail(
      String callSid, String from, String recordingSid, Instant at, String transcription)
      throws Exception {
    try (Connection c = connect();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into public.voicemails (call_sid, from_number, recording_sid,"
                    + " recording_url, duration_s, transcription, created_at)"
                    + " values (?, ?, ?, ?, 12, ?, ?)")) {
      insert.setString(1, callSid);
      insert.setString(2, from);
      insert.setString(3, recordingSid);
      insert.setString(4, "https://api.twilio.com/x/" + recordingSid);
      insert.setString(5, transcription);
      insert.setTimestamp(6, Timestamp.from(at));
      insert.executeUpdate();
    }
  }

  @Override
  protected void message(String destination) throws Exception {
    try (Connection c = connect();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into public.messages (dedupe_key, channel, purpose, destination)"
                    + " values (?, 'sms', 'signup', ?)")) {
      insert.setString(1, "m:" + UUID.randomUUID());
      insert.setString(2, destination);
      insert.executeUpdate();
    }
  }

  @Override
  protected long count(String table, String where) throws Exception {
    try (Connection c = connect();
        PreparedStatement select =
            c.prepareStatement("select count(*) from public." + table + " where " + where);
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
