package com.masseurmatch.waitlist.model.confirm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.store.RowJson;
import com.masseurmatch.waitlist.model.store.StoreBackend;
import com.masseurmatch.waitlist.model.store.SupabaseConfig;
import com.masseurmatch.waitlist.model.store.WaitlistConfig;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedConfirmationStore;
import com.masseurmatch.waitlist.model.store.postgrest.PostgrestConfirmationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Produces the {@link ConfirmationStore} on the backend the waitlist uses. */
@ApplicationScoped
public class ConfirmationStoreProducer {

  @Produces
  @Singleton
  ConfirmationStore confirmationStore(
      StoreBackend backend,
      SupabaseConfig supabase,
      WaitlistConfig waitlist,
      ObjectMapper json,
      Clock clock) {
    if (backend.embedded()) {
      return new EmbeddedConfirmationStore(waitlist.dataDir(), clock);
    }
    return new PostgrestConfirmationStore(supabase, RowJson.mapper(json));
  }
}
