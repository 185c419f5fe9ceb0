package com.masseurmatch.waitlist.model.store.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.store.StoreBackend;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;

/** The embedded SQLite file: a development default that needs no account anywhere. */
public final class EmbeddedBackend implements StoreBackend {

  private final EmbeddedDatabase database;
  private final WaitlistStore waitlist;
  private final CallRecordStore calls;
  private final VoicemailStore voicemails;
  private final JobStore jobs;
  private final Clock clock;
  private ConsoleStore console;

  public EmbeddedBackend(Path dataDir, ObjectMapper rowJson, Clock clock) {
    this.database = new EmbeddedDatabase(dataDir);
    this.waitlist = new EmbeddedWaitlistStore(database, clock);
    this.calls = new EmbeddedCallRecordStore(database, rowJson);
    this.voicemails = new EmbeddedVoicemailStore(database, clock);
    this.jobs = new EmbeddedJobStore(database, rowJson, clock);
    this.clock = clock;
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

  /** Created on first use: only the service with the console adds its tables and indexes. */
  @Override
  public synchronized ConsoleStore console() {
    if (console == null) {
      console = new EmbeddedConsoleStore(database, clock);
    }
    return console;
  }

  @Override
  public JobStore jobs() {
    return jobs;
  }

  @Override
  public void ping() {
    database.read(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute("select 1 from waitlist limit 1");
          }
          return null;
        });
  }

  @Override
  public String description() {
    return "embedded SQLite database at " + database.file();
  }

  @Override
  public boolean embedded() {
    return true;
  }
}
