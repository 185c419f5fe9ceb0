package com.masseurmatch.waitlist.model.waitlist;

/**
 * Where waitlist entries live (Supabase through PostgREST, or the embedded database).
 *
 * <p>Every method blocks: call it from a worker thread, never from the event loop. Failures are
 * {@code StoreException}s.
 */
public interface WaitlistStore {

  /**
   * The operators' save: inserts the entry, or updates the one with the same e-mail at once;
   * repeating it changes nothing.
   */
  SaveResult upsert(WaitlistEntry entry);

  /**
   * A public channel's save (web form, phone): adds a new e-mail, but never changes an existing
   * entry behind its owner's back. The same details again change nothing; a phone signup from the
   * entry's own number updates it; other details wait as the entry's pending change until its owner
   * confirms them.
   */
  SubmitResult submit(WaitlistEntry entry);

  /** A page of entries, newest first. */
  WaitlistPage list(WaitlistQuery query);

  /** Counts by role and source. */
  WaitlistStats stats();
}
