package com.masseurmatch.waitlist.model.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What both packaged services promise at start-up: they fail fast in the prod profile when a
 * required secret or the store's choice is missing and name it, and they start on the embedded
 * database when told to, with a warning. Each service's integration test extends this.
 */
public abstract class StartupContract {

  protected static final String SECRET = "integration-test-secret-0123456789abcdef";

  @TempDir protected Path data;

  protected abstract String serviceName();

  /** Other variables the service needs in prod, so each test isolates the one it is about. */
  protected Map<String, String> otherRequired() {
    return Map.of();
  }

  protected Map<String, String> env(String... pairs) {
    Map<String, String> env = new java.util.HashMap<>(otherRequired());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void refusesToStartWithoutTheStreamTokenSecret() throws Exception {
    try (ServiceProcess service =
        ServiceProcess.start(
            env("WAITLIST_DATA_DIR", data.toString(), "WAITLIST_STORE", "embedded"))) {
      assertNotEquals(0, service.awaitExit(Duration.ofSeconds(30)));
      assertTrue(service.output().contains("STREAM_TOKEN_SECRET is not set"), service.output());
    }
  }

  @Test
  void refusesAShortStreamTokenSecret() throws Exception {
    try (ServiceProcess service =
        ServiceProcess.start(
            env(
                "WAITLIST_DATA_DIR",
                data.toString(),
                "WAITLIST_STORE",
                "embedded",
                "STREAM_TOKEN_SECRET",
                "short"))) {
      assertNotEquals(0, service.awaitExit(Duration.ofSeconds(30)));
      assertTrue(service.output().contains("at least 32 characters"), service.output());
    }
  }

  @Test
  void refusesASupabaseUrlWithoutItsKey() throws Exception {
    try (ServiceProcess service =
        ServiceProcess.start(
            env("STREAM_TOKEN_SECRET", SECRET, "SUPABASE_URL", "https://example.supabase.co"))) {
      assertNotEquals(0, service.awaitExit(Duration.ofSeconds(30)));
      assertTrue(service.output().contains("SUPABASE_SERVICE_ROLE_KEY"), service.output());
    }
  }

  @Test
  void refusesToStartWithoutAStoreAndSaysWhatToSet() throws Exception {
    try (ServiceProcess service =
        ServiceProcess.start(
            env("WAITLIST_DATA_DIR", data.toString(), "STREAM_TOKEN_SECRET", SECRET))) {
      assertNotEquals(0, service.awaitExit(Duration.ofSeconds(30)));
      assertTrue(
          service
              .output()
              .contains(
                  "No waitlist store configured: set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY,"
                      + " or WAITLIST_STORE=embedded"),
          service.output());
      assertFalse(data.resolve("waitlist.db").toFile().exists(), "no database may be created");
    }
  }

  @Test
  void refusesTheSupabaseStoreWithoutItsUrl() throws Exception {
    try (ServiceProcess service =
        ServiceProcess.start(
            env(
                "WAITLIST_DATA_DIR",
                data.toString(),
                "WAITLIST_STORE",
                "supabase",
                "SUPABASE_SERVICE_ROLE_KEY",
                "a-service-role-key",
                "STREAM_TOKEN_SECRET",
                SECRET))) {
      assertNotEquals(0, service.awaitExit(Duration.ofSeconds(30)));
      assertTrue(
          service.output().contains("WAITLIST_STORE=supabase but SUPABASE_URL is not set"),
          service.output());
    }
  }

  @Test
  void startsOnTheEmbeddedDefaultsAndStopsOnSigterm() throws Exception {
    try (ServiceProcess service =
        ServiceProcess.start(
            env(
                "WAITLIST_DATA_DIR",
                data.toString(),
                "WAITLIST_STORE",
                "embedded",
                "STREAM_TOKEN_SECRET",
                SECRET))) {
      HttpResponse<String> health = service.awaitHttp("/api/health", Duration.ofSeconds(30));
      assertEquals(200, health.statusCode(), health.body());
      assertTrue(health.body().contains("\"service\":\"" + serviceName() + "\""), health.body());
      assertTrue(service.output().contains("for one machine only"), service.output());
      assertTrue(data.resolve("waitlist.db").toFile().exists());
      assertFalse(service.output().contains(SECRET), "the secret must never be logged");
      service.terminate();
      assertNotEquals(-1, service.awaitExit(Duration.ofSeconds(20)), "did not stop on SIGTERM");
    }
  }
}
