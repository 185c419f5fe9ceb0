package com.masseurmatch.waitlist.ivr.admin;

import com.masseurmatch.waitlist.ivr.admin.ConsoleErrors.UnavailableException;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
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

  ConsoleData(ConsoleStore console, CallRecordStore calls) {
    this.console = console;
    this.calls = calls;
  }

  /** Runs work against the console store. */
  public <T> T read(Function<ConsoleStore, T> work) {
    try {
      return work.apply(console);
    } catch (StoreException e) {
      Log.warnf("console: the store failed: %s", e.getMessage());
      throw new UnavailableException("The database cannot be reached; try again soon.", e);
    }
  }

  /** Runs work against the call records. */
  public <T> T calls(Function<CallRecordStore, T> work) {
    try {
      return work.apply(calls);
    } catch (StoreException e) {
      Log.warnf("console: the store failed: %s", e.getMessage());
      throw new UnavailableException("The database cannot be reached; try again soon.", e);
    }
  }
}
