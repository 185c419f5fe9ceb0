package com.masseurmatch.waitlist.model.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.store.RowJson;
import com.masseurmatch.waitlist.model.store.StoreBackend;
import com.masseurmatch.waitlist.model.store.SupabaseConfig;
import com.masseurmatch.waitlist.model.store.WaitlistConfig;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedExperimentStore;
import com.masseurmatch.waitlist.model.store.postgrest.PostgrestExperimentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Produces the {@link ExperimentStore} on the backend the waitlist uses. */
@ApplicationScoped
public class ExperimentStoreProducer {

  @Produces
  @Singleton
  ExperimentStore experimentStore(
      StoreBackend backend,
      SupabaseConfig supabase,
      WaitlistConfig waitlist,
      ObjectMapper json,
      Clock clock) {
    if (backend.embedded()) {
      return new EmbeddedExperimentStore(waitlist.dataDir(), RowJson.mapper(json), clock);
    }
    return new PostgrestExperimentStore(supabase, RowJson.mapper(json));
  }
}
