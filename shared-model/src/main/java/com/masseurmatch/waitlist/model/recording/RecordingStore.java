package com.masseurmatch.waitlist.model.recording;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recordings, the consent behind them, their retention and their erasure (Supabase's {@code
 * recordings} table and functions, or the embedded database). Blocking: call from a worker thread.
 * Failures are {@code StoreException}s.
 */
public interface RecordingStore {

  /** Records the caller's answer to the recording question on the call's row. */
  void consent(String callSid, Consent consent);

  /** A recording about to be requested from Twilio under this consent; returns its row's id. */
  UUID requested(String callSid, Consent consent);

  /** Twilio created the recording. */
  void started(UUID id, String recordingSid, String status, Integer channels);

  /** Twilio refused or did not answer; {@code error} holds no personal data. */
  void startFailed(UUID id, String error);

  /** Twilio's status callback; false when no recording of that call has the SID. */
  boolean status(
      String recordingSid, String callSid, String status, Integer durationS, Integer channels);

  /** The recordings of these calls, oldest first. */
  List<Recording> forCalls(Collection<String> callSids);

  Optional<Recording> find(String recordingSid);

  /**
   * Up to {@code limit} recordings made before {@code before}, marked deleting, for deletion at
   * Twilio; rows of recordings Twilio never created are removed at once.
   */
  List<String> expire(Instant before, int limit);

  /** Twilio no longer has the recording: its row goes (and a voicemail's link to it). */
  void deleted(String recordingSid);

  /**
   * Clears the transcripts, collected fields and the analysis' words of calls started before {@code
   * before}, and voicemails' transcriptions; returns how many rows changed.
   */
  int clearTranscripts(Instant before);

  /**
   * Erases what was recorded about a phone number, an e-mail address, an entry and its call (any
   * may be null): words, numbers, analyses, messages and the jobs that hold them; returns the SIDs
   * of the recordings to delete at Twilio, now marked deleting.
   */
  List<String> erase(String phone, String email, UUID waitlistId, String callSid);
}
