package com.masseurmatch.waitlist.bridge.call;

import com.masseurmatch.waitlist.model.waitlist.SaveResult;
import com.masseurmatch.waitlist.model.waitlist.SubmitResult;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStats;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** A store with an unexpected fault: every call throws a runtime exception. */
@Alternative
@ApplicationScoped
public class ThrowingStore implements WaitlistStore {

  @Override
  public SaveResult upsert(WaitlistEntry entry) {
    throw new IllegalStateException("no space left on device");
  }

  @Override
  public SubmitResult submit(WaitlistEntry entry) {
    throw new IllegalStateException("no space left on device");
  }

  @Override
  public WaitlistPage list(WaitlistQuery query) {
    throw new IllegalStateException("no space left on device");
  }

  @Override
  public WaitlistStats stats() {
    throw new IllegalStateException("no space left on device");
  }
}
