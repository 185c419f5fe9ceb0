package com.masseurmatch.waitlist.model.voicemail;

import java.util.List;

/** Where voicemails live. Blocking: call from a worker thread. */
public interface VoicemailStore {

  /** Creates or updates the voicemail with the same recording SID; returns the stored row. */
  Voicemail upsert(Voicemail voicemail);

  /** The most recent voicemails, newest first. */
  List<Voicemail> recent(int limit);
}
