package com.masseurmatch.waitlist.model.confirm;

import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The confirmations' records (Supabase or the embedded database): messages, opt-outs and pending
 * changes. Every method blocks: call it from a worker thread, never from the event loop.
 */
public interface ConfirmationStore {

  /**
   * Creates the message with this key, or counts one more attempt at it; a finished message is
   * returned unchanged (see {@link MessageRecord#open()}).
   */
  MessageRecord beginAttempt(
      String dedupeKey, UUID waitlistId, Channel channel, String purpose, String destination);

  /** Records how an attempt ended. */
  void finish(UUID messageId, String status, String providerId, String errorCode, String error);

  /** Records Twilio's final delivery status for a sent SMS; false when no message has that id. */
  boolean recordDelivery(String providerId, String status, String errorCode);

  /** Messages, newest first. */
  List<MessageRecord> messages(int offset, int limit);

  /** Records a number's opt-out ({@code STOP}) or opt-in ({@code START}), with the time. */
  void setSmsOptOut(String phone, boolean optedOut, String keyword);

  /** Whether the number has opted out of SMS. */
  boolean smsOptedOut(String phone);

  /** Records an address's one-click unsubscribe. */
  void optOutEmail(String email);

  /** Whether the address has unsubscribed. */
  boolean emailOptedOut(String email);

  /** The entry with this id. */
  Optional<StoredEntry> entry(UUID id);

  /** The pending change with this id. */
  Optional<PendingChange> pendingChange(UUID id);

  /** Applies the pending change if it still has this version; the updated entry. */
  Optional<StoredEntry> applyChange(UUID changeId, String version);

  /** Applies every recent pending change of the entries with this phone; the updated entries. */
  List<StoredEntry> applyChangesForPhone(String phone);

  /** Removes the entry ("not you?"); false when it was already gone. */
  boolean removeEntry(UUID id);
}
