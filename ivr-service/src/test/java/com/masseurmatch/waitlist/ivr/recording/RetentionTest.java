package com.masseurmatch.waitlist.ivr.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.ivr.testing.TwilioRecordingsWireMock;
import com.masseurmatch.waitlist.ivr.testing.TwilioRecordingsWireMock.InjectTwilioRecordings;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.job.JobRunner;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.recording.RecordingJobs;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import com.masseurmatch.waitlist.model.store.WaitlistConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily retention run deletes expired recordings at Twilio's stand-in and in the database,
 * clears expired transcripts and leaves the rest; a deletion Twilio fails is retried.
 */
@QuarkusTest
@WithTestResource(TwilioRecordingsWireMock.class)
class RetentionTest {

  @InjectTwilioRecordings WireMockServer twilio;
  @Inject RecordingStore recordings;
  @Inject CallRecordStore calls;
  @Inject JobRunner jobs;
  @Inject JobStore queue;
  @Inject RetentionSchedule schedule;
  @Inject WaitlistConfig waitlist;

  @BeforeEach
  void reset() {
    TwilioRecordingsWireMock.reset(twilio);
    jobs.runDue();
  }

  @Test
  void anExpiredRecordingIsDeletedAtTwilioAndInTheDatabase() throws Exception {
    String oldCall = Webhooks.newCallSid();
    String newCall = Webhooks.newCallSid();
    RecordingRows.call(calls, oldCall, "+14155550161", Instant.now().minus(200, ChronoUnit.DAYS));
    RecordingRows.call(calls, newCall, "+14155550162", Instant.now());
    String expired = RecordingRows.recording(recordings, oldCall);
    String kept = RecordingRows.recording(recordings, newCall);
    RecordingRows.age(waitlist, expired, 91);

    schedule.queueToday();
    jobs.runDue(); // the retention run queues the deletion
    jobs.runDue(); // which runs

    assertEquals(1, TwilioRecordingsWireMock.deletes(twilio, expired).size());
    assertTrue(recordings.find(expired).isEmpty());
    // once nothing is left to run, the recording within its time is untouched
    jobs.runDue();
    assertEquals(0, TwilioRecordingsWireMock.deletes(twilio, kept).size());
    assertEquals("completed", recordings.find(kept).orElseThrow().status());
    assertNull(calls.find(oldCall).orElseThrow().transcript());
    assertEquals(2, calls.find(newCall).orElseThrow().transcript().size());
  }

  @Test
  void aDeletionTwilioFailsIsRetried() {
    String callSid = Webhooks.newCallSid();
    RecordingRows.call(calls, callSid, "+14155550163", Instant.now());
    String sid = RecordingRows.recording(recordings, callSid);
    TwilioRecordingsWireMock.failDeleting(twilio, sid);

    RecordingJobs.enqueueDelete(queue, sid);
    jobs.runDue();
    assertEquals(1, TwilioRecordingsWireMock.deletes(twilio, sid).size());
    assertTrue(recordings.find(sid).isPresent(), "kept while Twilio still has it");

    TwilioRecordingsWireMock.reset(twilio);
    jobs.runDue();
    assertEquals(1, TwilioRecordingsWireMock.deletes(twilio, sid).size());
    assertTrue(recordings.find(sid).isEmpty());
  }
}
