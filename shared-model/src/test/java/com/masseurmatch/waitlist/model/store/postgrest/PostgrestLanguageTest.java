package com.masseurmatch.waitlist.model.store.postgrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.migration.MigratedDatabase;
import com.masseurmatch.waitlist.model.store.RowJson;
import com.masseurmatch.waitlist.model.store.SupabaseConfig;
import com.masseurmatch.waitlist.model.testing.PostgrestOnPostgres;
import com.masseurmatch.waitlist.model.testing.PostgrestWireMock;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.SubmitResult;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entry's language through the service's PostgREST client, stored by the migrated {@code
 * submit_waitlist_entry} on the real PostgreSQL, with the columns' checks.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgrestOnPostgres.class, restrictToAnnotatedClass = true)
class PostgrestLanguageTest {

  @Inject SupabaseConfig supabase;
  @Inject ObjectMapper json;

  private WaitlistStore store;

  /** A client on the stand-in over PostgreSQL, whatever other tests set {@code supabase.url} to. */
  @BeforeEach
  void client() {
    URI standIn =
        URI.create(ConfigProvider.getConfig().getValue("test.postgrest.url", String.class));
    SupabaseConfig config =
        new SupabaseConfig() {
          @Override
          public Optional<URI> url() {
            return Optional.of(standIn);
          }

          @Override
          public Optional<String> serviceRoleKey() {
            return Optional.of(PostgrestWireMock.SERVICE_KEY);
          }

          @Override
          public Duration connectTimeout() {
            return supabase.connectTimeout();
          }

          @Override
          public Duration readTimeout() {
            return supabase.readTimeout();
          }

          @Override
          public int maxAttempts() {
            return 1;
          }

          @Override
          public Duration retryDelay() {
            return supabase.retryDelay();
          }
        };
    store = new PostgrestWaitlistStore(new PostgrestClient(config, RowJson.mapper(json)));
  }

  private static Connection db() throws SQLException {
    return MigratedDatabase.open(
        ConfigProvider.getConfig().getValue("test.postgres.url", String.class));
  }

  private static String column(String sql, Object key) throws SQLException {
    try (Connection c = db();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setObject(1, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private static String email() {
    return "lang-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void aSpanishSignupIsStoredInSpanish() throws Exception {
    String email = email();
    SubmitResult saved =
        store.submit(
            new WaitlistEntry(
                "Ana López", "+14155550100", email, Role.THERAPIST, Source.PHONE, "CA1", "es"));

    assertEquals(SubmitResult.Outcome.CREATED, saved.outcome());
    assertEquals(
        "es", column("select language from public.waitlist where id = ?", saved.entryId()));
  }

  @Test
  void aCallersUpdateFromTheEntrysOwnNumberTakesTheNewLanguage() throws Exception {
    String email = email();
    store.submit(
        new WaitlistEntry(
            "Élodie Tremblay", "+15145550100", email, Role.CLIENT, Source.PHONE, null));
    SubmitResult updated =
        store.submit(
            new WaitlistEntry(
                "Élodie Tremblay",
                "+15145550100",
                email,
                Role.THERAPIST,
                Source.PHONE,
                null,
                "fr"));

    assertEquals(SubmitResult.Outcome.UPDATED, updated.outcome());
    assertEquals(
        "fr", column("select language from public.waitlist where id = ?", updated.entryId()));
  }

  @Test
  void writersThatLeaveTheLanguageOutGetEnglishAndOtherValuesAreRefused() throws Exception {
    String email = email();
    try (Connection c = db();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into public.waitlist (full_name, phone, email, role) values"
                    + " ('Ann Lee', '+14155550100', ?, 'client')")) {
      insert.setString(1, email);
      insert.executeUpdate();
    }
    assertEquals("en", column("select language from public.waitlist where email = ?", email));
    try (Connection c = db()) {
      assertThrows(
          SQLException.class,
          () ->
              c.createStatement()
                  .execute(
                      "update public.waitlist set language = 'de' where email = '" + email + "'"));
      assertThrows(
          SQLException.class,
          () ->
              c.createStatement()
                  .execute(
                      "insert into public.calls (call_sid, language) values ('CAlang1', 'xx')"));
      c.createStatement()
          .execute("insert into public.calls (call_sid, language) values ('CAlang2', 'fr')");
    }
    assertEquals("fr", column("select language from public.calls where call_sid = ?", "CAlang2"));
  }
}
