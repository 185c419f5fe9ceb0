package com.masseurmatch.waitlist.model.console;

import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the operator console reads and changes. Aggregations run in the database (SQL functions
 * through PostgREST RPC, or the same queries on the embedded store), never over rows loaded into
 * the service. Blocking: call from a worker thread.
 */
public interface ConsoleStore {

  /** Today (since 00:00 UTC), 7 and 30 days before {@code now}. */
  Overview overview(Instant now);

  /** Calls started in {@code [from, to)}, by day, hour of the week, path and month. */
  Analytics analytics(Instant from, Instant to);

  /** A page of entries matching the search. */
  WaitlistPage entries(EntrySearch search);

  Optional<StoredEntry> entry(UUID id);

  /** Rewrites an entry's four fields; its source and call stay. The audit names the operator. */
  EditResult update(UUID id, WaitlistEntry entry, String operator);

  /**
   * Erases an entry on request: the row, its calls' transcripts and collected fields, its
   * voicemails' recordings and transcriptions. The audit line keeps who, when and why. False when
   * there was no such entry.
   */
  boolean erase(UUID id, String operator, String reason);

  /** A page of calls, newest first, without their transcripts. */
  CallPage calls(CallSearch search);

  /** A page of voicemails, newest first. */
  VoicemailPage voicemails(boolean unhandledOnly, int offset, int limit);

  Optional<VoicemailItem> voicemail(UUID id);

  /** Marks a voicemail dealt with; false when there is no such voicemail. */
  boolean markHandled(UUID id, String operator);

  /** The most recent audit lines, newest first. */
  List<AuditLine> audit(int limit);

  /** A page of confirmation messages matching the search, newest first. */
  MessagePage messages(MessageSearch search);

  /** Numbers and addresses opted out now, most recent first, at most {@code limit} of each. */
  List<OptOut> optOuts(int limit);

  /**
   * Records that a console sign-in ended before {@code expiresAt}, so every instance of the service
   * refuses it; revocations past their expiry are forgotten.
   */
  void revokeSession(String sessionId, Instant expiresAt);

  /** Whether the console sign-in with this id was ended. */
  boolean sessionRevoked(String sessionId);
}
