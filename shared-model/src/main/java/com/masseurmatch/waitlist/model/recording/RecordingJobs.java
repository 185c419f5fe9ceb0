package com.masseurmatch.waitlist.model.recording;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.masseurmatch.waitlist.model.job.JobStore;
import java.time.Instant;

/**
 * The job kinds of recordings and analysis, shared by the services that enqueue them and
 * ivr-service, which runs them. Payloads hold SIDs only, never personal data.
 */
public final class RecordingJobs {

  /** Deletes one recording at Twilio, then its row; payload {@code recording_sid}. */
  public static final String DELETE = "recording.delete";

  /** Looks for expired recordings and transcripts, once a day; payload {@code day}. */
  public static final String RETENTION = "recording.retention";

  /** Analyses a finished call's transcript; payload {@code call_sid}. */
  public static final String ANALYSIS = "call.analysis";

  private RecordingJobs() {}

  /** Queues the deletion of a recording at Twilio and in the store (once per SID). */
  public static void enqueueDelete(JobStore jobs, String recordingSid) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode().put("recording_sid", recordingSid);
    jobs.enqueue(DELETE, payload, DELETE + ":" + recordingSid, null);
  }

  /** Queues the analysis of a finished call (once per call), due at {@code runAt}. */
  public static void enqueueAnalysis(JobStore jobs, String callSid, Instant runAt) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode().put("call_sid", callSid);
    jobs.enqueue(ANALYSIS, payload, ANALYSIS + ":" + callSid, runAt);
  }
}
