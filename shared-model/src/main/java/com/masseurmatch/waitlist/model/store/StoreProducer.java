package com.masseurmatch.waitlist.model.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedBackend;
import com.masseurmatch.waitlist.model.store.postgrest.PostgrestBackend;
import com.masseurmatch.waitlist.model.validation.EntryValidator;
import com.masseurmatch.waitlist.model.validation.PhoneNormalizer;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.arc.DefaultBean;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Chooses the storage backend ({@link StoreChoice}: {@code WAITLIST_STORE}, or Supabase when {@code
 * SUPABASE_URL} is set; the embedded database under {@code WAITLIST_DATA_DIR} only when named, or
 * in dev and test); and produces the stores and the validator.
 */
@ApplicationScoped
public class StoreProducer {

  @Produces
  @Singleton
  StoreBackend backend(
      SupabaseConfig supabase, WaitlistConfig waitlist, ObjectMapper json, Clock clock) {
    ObjectMapper rowJson = RowJson.mapper(json);
    StoreChoice choice =
        StoreChoice.decide(
            waitlist.store(),
            supabase.url().isPresent(),
            supabase.serviceRoleKey().filter(k -> !k.isBlank()).isPresent(),
            !LaunchMode.current().isDevOrTest());
    choice.warning().ifPresent(Log::warn);
    if (!choice.embedded()) {
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
  JobStore jobStore(StoreBackend backend) {
    return backend.jobs();
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
          "Storing data in the %s. This is for one machine only: several instances would each"
              + " keep their own database. Use Supabase (SUPABASE_URL and"
              + " SUPABASE_SERVICE_ROLE_KEY) for more.",
          backend.description());
    } else {
      Log.infof("Storing data in %s", backend.description());
    }
  }
}
