package com.masseurmatch.waitlist.ivr.recording;

import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.recording.RecordingJobs;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Erases what was recorded about a waitlist entry, for its phone number and e-mail address: the
 * calls' and voicemails' words and numbers, analyses, messages and waiting jobs at once, and the
 * recordings through one deletion job each (at Twilio, then in the database). Blocking.
 */
@Singleton
public class RecordingEraser {

  private final RecordingStore store;
  private final JobStore jobs;

  RecordingEraser(RecordingStore store, JobStore jobs) {
    this.store = store;
    this.jobs = jobs;
  }

  /** Returns how many recordings are queued for deletion. */
  public int erase(StoredEntry entry) {
    List<String> recordings =
        store.erase(entry.phone(), entry.email(), entry.id(), entry.callSid());
    for (String sid : recordings) {
      RecordingJobs.enqueueDelete(jobs, sid);
    }
    Log.infof(
        "recordings: erased the recorded data of entry %s; %d recording(s) queued for deletion",
        entry.id(), recordings.size());
    return recordings.size();
  }
}
