package com.masseurmatch.waitlist.model.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedBackend;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedConfirmationStore;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The console contract on the embedded SQLite database. */
class EmbeddedConsoleStoreTest extends ConsoleStoreContract {

  @TempDir Path dir;

  private EmbeddedBackend backend;
  private ConfirmationStore confirmations;

  @BeforeEach
  void open() {
    backend =
        new EmbeddedBackend(dir, new ObjectMapper().findAndRegisterModules(), Clock.systemUTC());
    confirmations = new EmbeddedConfirmationStore(dir, Clock.systemUTC());
  }

  @Override
  protected ConsoleStore console() {
    return backend.console();
  }

  @Override
  protected WaitlistStore waitlist() {
    return backend.waitlist();
  }

  @Override
  protected ConfirmationStore confirmations() {
    return confirmations;
  }

  @Override
  protected CallRecordStore calls() {
    return backend.calls();
  }
}
