package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.store.StoreBackend;
import com.masseurmatch.waitlist.model.store.SupabaseConfig;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import java.util.Map;

/** Supabase through PostgREST. */
public final class PostgrestBackend implements StoreBackend {

  private final PostgrestClient client;
  private final String host;
  private final WaitlistStore waitlist;
  private final CallRecordStore calls;
  private final VoicemailStore voicemails;
  private final JobStore jobs;
  private final ConsoleStore console;

  public PostgrestBackend(SupabaseConfig config, ObjectMapper rowJson) {
    this.client = new PostgrestClient(config, rowJson);
    this.host = config.url().map(url -> url.getHost()).orElse("?");
    this.waitlist = new PostgrestWaitlistStore(client);
    this.calls = new PostgrestCallRecordStore(client);
    this.voicemails = new PostgrestVoicemailStore(client);
    this.jobs = new PostgrestJobStore(client);
    this.console = new PostgrestConsoleStore(client);
  }

  @Override
  public WaitlistStore waitlist() {
    return waitlist;
  }

  @Override
  public CallRecordStore calls() {
    return calls;
  }

  @Override
  public VoicemailStore voicemails() {
    return voicemails;
  }

  @Override
  public JobStore jobs() {
    return jobs;
  }

  @Override
  public ConsoleStore console() {
    return console;
  }

  @Override
  public void ping() {
    client.select(PostgrestWaitlistStore.TABLE, Map.of("select", "id", "limit", "1"), false);
  }

  @Override
  public String description() {
    return "Supabase PostgREST at " + host;
  }

  @Override
  public boolean embedded() {
    return false;
  }
}
