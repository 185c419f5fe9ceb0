package com.masseurmatch.waitlist.ivr.voice;

import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallPath;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.store.StoreException;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Writes each call's {@code calls} row as it moves through the IVR. Writes happen off the request,
 * so a slow store never delays the TwiML Twilio waits for; a failed write is logged.
 */
@Singleton
public class CallLog {

  private final CallRecordStore store;
  private final ManagedExecutor executor;
  private final Clock clock;

  CallLog(CallRecordStore store, ManagedExecutor executor, Clock clock) {
    this.store = store;
    this.executor = executor;
    this.clock = clock;
  }

  public void started(String callSid, String from) {
    write(CallRecord.of(callSid).withFrom(from).withStartedAt(clock.instant()));
  }

  public void path(String callSid, CallPath path) {
    write(CallRecord.of(callSid).withPath(path));
  }

  public void ended(String callSid, CallPath path, CallOutcome outcome) {
    write(CallRecord.of(callSid).withPath(path).withOutcome(outcome).withEndedAt(clock.instant()));
  }

  /** Blocking read of the call's row. */
  public Optional<CallRecord> find(String callSid) {
    try {
      return store.find(callSid);
    } catch (StoreException e) {
      Log.warnf("call %s: cannot read the call record: %s", callSid, e.getMessage());
      return Optional.empty();
    }
  }

  private void write(CallRecord record) {
    if (record.callSid() == null) {
      return;
    }
    executor.execute(
        () -> {
          try {
            store.upsert(record);
          } catch (StoreException e) {
            Log.warnf(
                "call %s: cannot write the call record: %s", record.callSid(), e.getMessage());
          }
        });
  }
}
