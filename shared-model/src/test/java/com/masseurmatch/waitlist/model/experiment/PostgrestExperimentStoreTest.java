package com.masseurmatch.waitlist.model.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.migration.MigratedDatabase;
import com.masseurmatch.waitlist.model.testing.PostgrestOnPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The experiment contract through the service's PostgREST client, against the PostgREST stand-in on
 * the real PostgreSQL with the migrations applied; calls rows written as the services' upsert does,
 * in SQL.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgrestOnPostgres.class, restrictToAnnotatedClass = true)
class PostgrestExperimentStoreTest extends ExperimentStoreContract {

  @Inject ExperimentStore store;

  @Override
  protected ExperimentStore store() {
    return store;
  }

  @Override
  protected void recordCall(
      String callSid,
      UUID experiment,
      String variant,
      CallOutcome outcome,
      int seconds,
      String costUsd,
      String chatCostUsd,
      String language)
      throws Exception {
    try (Connection c =
            MigratedDatabase.open(
                ConfigProvider.getConfig().getValue("test.postgres.url", String.class));
        PreparedStatement insert =
            c.prepareStatement(
                "insert into public.calls (call_sid, started_at, ended_at, outcome,"
                    + " experiment_id, variant, cost_usd, chat_cost_usd, language)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, callSid);
      insert.setTimestamp(2, Timestamp.from(start()));
      insert.setTimestamp(3, Timestamp.from(start().plusSeconds(seconds)));
      insert.setString(4, outcome.wireName());
      insert.setObject(5, experiment);
      insert.setString(6, variant);
      insert.setBigDecimal(7, costUsd == null ? null : new BigDecimal(costUsd));
      insert.setBigDecimal(8, chatCostUsd == null ? null : new BigDecimal(chatCostUsd));
      insert.setString(9, language);
      insert.executeUpdate();
    }
  }

  @Test
  void theSupabaseStoreIsInUse() {
    assertEquals(
        "PostgrestExperimentStore", store.getClass().getSimpleName().replace("_ClientProxy", ""));
  }
}
