package com.masseurmatch.waitlist.model.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.model.migration.MigratedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A PostgREST stand-in in front of a real, migrated PostgreSQL: WireMock answers {@code
 * /rest/v1/rpc/{function}} by calling the function with the body's named arguments as the service
 * role (see {@link PostgresRpcTransformer}). Points {@code supabase.url} at it and gives the test
 * the database's JDBC URL as {@code test.postgres.url} (and its own as {@code test.postgrest.url},
 * for a test that builds its client itself).
 */
public class PostgrestOnPostgres implements QuarkusTestResourceLifecycleManager {

  private MigratedDatabase db;
  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    try {
      db = new MigratedDatabase();
      db.migrate();
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare the database", e);
    }
    server =
        new WireMockServer(
            options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .extensions(new PostgresRpcTransformer(db.url(), PostgrestWireMock.SERVICE_KEY)));
    server.start();
    server.stubFor(any(urlPathMatching("/rest/v1/.*")).willReturn(aResponse().withStatus(404)));
    return Map.of(
        "supabase.url",
        "http://localhost:" + server.port(),
        "supabase.service-role-key",
        PostgrestWireMock.SERVICE_KEY,
        "supabase.retry-delay",
        "10ms",
        "test.postgres.url",
        db.url(),
        "test.postgrest.url",
        "http://localhost:" + server.port());
  }

  /**
   * Starts after the module-wide {@link PostgrestWireMock}, so that its {@code supabase.url} is the
   * one the test's application gets (the later resource's settings win).
   */
  @Override
  public int order() {
    return 1;
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
    if (db != null) {
      try {
        db.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
