package com.masseurmatch.waitlist.model.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedBackend;
import com.masseurmatch.waitlist.model.store.postgrest.PostgrestBackend;
import com.masseurmatch.waitlist.model.validation.EntryValidator;
import com.masseurmatch.waitlist.model.validation.PhoneNormalizer;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.arc.DefaultBean;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Chooses the storage backend: Supabase when {@code SUPABASE_URL} is set, otherwise the embedded
 * database under {@code WAITLIST_DATA_DIR}; and produces the stores and the validator.
 */
@ApplicationScoped
public class StoreProducer {

  @Produces
  @Singleton
  StoreBackend backend(
      SupabaseConfig supabase, WaitlistConfig waitlist, ObjectMapper json, Clock clock) {
    ObjectMapper rowJson = RowJson.mapper(json);
    if (supabase.url().isPresent()) {
      return new PostgrestBackend(supabase, rowJson);
    }
    return new EmbeddedBackend(waitlist.dataDir(), rowJson, clock);
  }

  @Produces
  @Singleton
  WaitlistStore waitlistStore(StoreBackend backend) {
    return backend.waitlist();
  }

  @Produces
  @Singleton
  CallRecordStore callRecordStore(StoreBackend backend) {
    return backend.calls();
  }

  @Produces
  @Singleton
  VoicemailStore voicemailStore(StoreBackend backend) {
    return backend.voicemails();
  }

  @Produces
  @Singleton
  ConsoleStore consoleStore(StoreBackend backend) {
    return backend.console();
  }

  @Produces
  @Singleton
  EntryValidator entryValidator(WaitlistConfig config) {
    return new EntryValidator(new PhoneNormalizer(config.defaultRegion()));
  }

  @Produces
  @Singleton
  @DefaultBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Creates the backend at start-up, so a bad configuration stops the service at once. */
  void announce(@Observes StartupEvent event, StoreBackend backend) {
    if (backend.embedded()) {
      Log.warnf(
          "Storing data in the %s. This is a development default for one machine:"
              + " set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY in production.",
          backend.description());
    } else {
      Log.infof("Storing data in %s", backend.description());
    }
  }
}
