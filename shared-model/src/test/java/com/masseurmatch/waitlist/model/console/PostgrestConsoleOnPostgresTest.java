package com.masseurmatch.waitlist.model.console;

import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.testing.PostgrestOnPostgres;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The console contract through the service's PostgREST client, against the PostgREST stand-in on
 * the real PostgreSQL with the migrations applied.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgrestOnPostgres.class, restrictToAnnotatedClass = true)
class PostgrestConsoleOnPostgresTest extends ConsoleStoreContract {

  @Inject ConsoleStore console;
  @Inject WaitlistStore waitlist;
  @Inject ConfirmationStore confirmations;
  @Inject CallRecordStore calls;

  @Override
  protected ConsoleStore console() {
    return console;
  }

  @Override
  protected WaitlistStore waitlist() {
    return waitlist;
  }

  @Override
  protected ConfirmationStore confirmations() {
    return confirmations;
  }

  @Override
  protected CallRecordStore calls() {
    return calls;
  }
}
