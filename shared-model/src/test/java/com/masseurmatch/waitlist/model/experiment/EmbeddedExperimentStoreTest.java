package com.masseurmatch.waitlist.model.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedCallRecordStore;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedDatabase;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedExperimentStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The experiment contract on the embedded SQLite database; calls written by its call store. */
class EmbeddedExperimentStoreTest extends ExperimentStoreContract {

  @TempDir Path dir;

  private ExperimentStore store;
  private EmbeddedCallRecordStore calls;

  @BeforeEach
  void open() {
    store = new EmbeddedExperimentStore(dir, new ObjectMapper(), Clock.systemUTC());
    calls = new EmbeddedCallRecordStore(new EmbeddedDatabase(dir), new ObjectMapper());
  }

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
      String language) {
    calls.upsert(
        CallRecord.of(callSid)
            .withStartedAt(start())
            .withEndedAt(start().plusSeconds(seconds))
            .withOutcome(outcome)
            .withVariant(experiment, variant)
            .withLanguage(language)
            .withUsage(null, costUsd == null ? null : new BigDecimal(costUsd))
            .withChatUsage(null, chatCostUsd == null ? null : new BigDecimal(chatCostUsd)));
  }
}
