package com.masseurmatch.waitlist.model.call;

import java.util.List;
import java.util.Optional;

/** Where call records live. Blocking: call from a worker thread. */
public interface CallRecordStore {

  /** Creates the row for the call SID or writes the record's non-null fields onto it. */
  void upsert(CallRecord record);

  Optional<CallRecord> find(String callSid);

  /** The most recent calls, newest first. */
  List<CallRecord> recent(int limit);
}
