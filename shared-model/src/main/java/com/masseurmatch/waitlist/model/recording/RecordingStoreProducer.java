package com.masseurmatch.waitlist.model.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.store.RowJson;
import com.masseurmatch.waitlist.model.store.StoreBackend;
import com.masseurmatch.waitlist.model.store.SupabaseConfig;
import com.masseurmatch.waitlist.model.store.WaitlistConfig;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedAnalysisStore;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedRecordingStore;
import com.masseurmatch.waitlist.model.store.postgrest.PostgrestAnalysisStore;
import com.masseurmatch.waitlist.model.store.postgrest.PostgrestRecordingStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Produces the {@link RecordingStore} and the {@link AnalysisStore} on the waitlist's backend. */
@ApplicationScoped
public class RecordingStoreProducer {

  @Produces
  @Singleton
  RecordingStore recordingStore(
      StoreBackend backend,
      SupabaseConfig supabase,
      WaitlistConfig waitlist,
      ObjectMapper json,
      Clock clock) {
    if (backend.embedded()) {
      return new EmbeddedRecordingStore(waitlist.dataDir(), clock);
    }
    return new PostgrestRecordingStore(supabase, RowJson.mapper(json));
  }

  @Produces
  @Singleton
  AnalysisStore analysisStore(
      StoreBackend backend,
      SupabaseConfig supabase,
      WaitlistConfig waitlist,
      ObjectMapper json,
      Clock clock) {
    if (backend.embedded()) {
      return new EmbeddedAnalysisStore(waitlist.dataDir(), RowJson.mapper(json), clock);
    }
    return new PostgrestAnalysisStore(supabase, RowJson.mapper(json));
  }
}
