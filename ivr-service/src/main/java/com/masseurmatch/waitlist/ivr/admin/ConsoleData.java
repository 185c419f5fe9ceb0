package com.masseurmatch.waitlist.ivr.admin;

import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.UnavailableException;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.store.StoreException;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.function.Function;

/**
 * The console's way to its stores: every read or change goes through {@link #read}, which turns a
 * store failure into a 503 page. Blocking.
 */
@Singleton
public class ConsoleData {

  private final ConsoleStore console;
  private final CallRecordStore calls;
  private final JobStore jobs;

  public ConsoleData(ConsoleStore console, CallRecordStore calls, JobStore jobs) {
    this.console = console;
    this.calls = calls;
    this.jobs = jobs;
  }

  /** Runs work against the console store. */
  public <T> T read(Function<ConsoleStore, T> work) {
    return guarded(work, console);
  }

  /** Runs work against the call records. */
  public <T> T calls(Function<CallRecordStore, T> work) {
    return guarded(work, calls);
  }

  /** Runs work against the job queue. */
  public <T> T jobs(Function<JobStore, T> work) {
    return guarded(work, jobs);
  }

  private static <S, T> T guarded(Function<S, T> work, S store) {
    try {
      return work.apply(store);
    } catch (StoreException e) {
      Log.warnf("console: the store failed: %s", e.getMessage());
      throw new UnavailableException("The database cannot be reached; try again soon.", e);
    }
  }
}
