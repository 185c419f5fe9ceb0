package com.masseurmatch.waitlist.ivr.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.testing.PostgrestOnPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console in Chromium on the Supabase store: the service's PostgREST client against the
 * PostgREST stand-in on a real PostgreSQL with every migration applied.
 */
@QuarkusTest
@TestProfile(ConsoleBrowserSupabaseTest.OnSupabase.class)
class ConsoleBrowserSupabaseTest extends ConsoleBrowserChecks {

  @Inject ConsoleStore store;

  /** The Supabase store, PostgREST standing in on PostgreSQL, Twilio faked. */
  public static class OnSupabase implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("waitlist.store", "supabase");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(PostgrestOnPostgres.class),
          new TestResourceEntry(ConsoleTwilioFake.class));
    }
  }

  @Test
  void theConsoleStoreIsTheSupabaseOne() {
    assertEquals(
        "PostgrestConsoleStore", store.getClass().getSimpleName().replace("_ClientProxy", ""));
  }
}
