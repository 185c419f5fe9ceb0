package com.masseurmatch.waitlist.model.store;

import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;

/** One storage backend (Supabase or embedded) and its three stores. */
public interface StoreBackend {

  WaitlistStore waitlist();

  CallRecordStore calls();

  VoicemailStore voicemails();

  /** The background job queue. */
  JobStore jobs();

  /** The operator console's queries and changes. */
  ConsoleStore console();

  /** Throws a {@link StoreException} when the backend cannot serve requests right now. */
  void ping();

  /** What the operator should read at start-up and in readiness details (no secrets). */
  String description();

  /** Whether this is the embedded development database. */
  boolean embedded();
}
