package com.masseurmatch.waitlist.model.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.masseurmatch.waitlist.model.migration.MigratedDatabase;
import com.masseurmatch.waitlist.model.testing.PostgrestOnPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The job contract through the service's PostgREST client, against the PostgREST stand-in on the
 * real PostgreSQL with the migrations applied.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgrestOnPostgres.class, restrictToAnnotatedClass = true)
class PostgrestJobStoreTest extends JobStoreContract {

  @Inject JobStore store;

  @Override
  protected JobStore store() {
    return store;
  }

  @Override
  protected Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  protected void expireLeases() throws Exception {
    try (Connection c =
            MigratedDatabase.open(
                ConfigProvider.getConfig().getValue("test.postgres.url", String.class));
        Statement statement = c.createStatement()) {
      statement.execute(
          "update public.jobs set locked_until = now() - interval '1 second'"
              + " where status = 'running'");
    }
  }

  @Test
  void theSupabaseStoreIsInUse() {
    // the producer's bean is a client proxy; the store it delegates to talks to PostgREST
    assertEquals("PostgrestJobStore", store.getClass().getSimpleName().replace("_ClientProxy", ""));
  }
}
