package com.masseurmatch.waitlist.ivr.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.ivr.admin.waitlist.EntryEditor;
import com.masseurmatch.waitlist.ivr.testing.TwilioRecordingsWireMock;
import com.masseurmatch.waitlist.ivr.testing.TwilioRecordingsWireMock.InjectTwilioRecordings;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.job.JobRunner;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasing an entry in the console erases, for its phone and e-mail, the calls' and voicemails'
 * words, the recordings (deleted at Twilio's stand-in too) and the messages waiting to be sent.
 */
@QuarkusTest
@WithTestResource(TwilioRecordingsWireMock.class)
class ErasureTest {

  @InjectTwilioRecordings WireMockServer twilio;
  @Inject EntryEditor editor;
  @Inject WaitlistStore waitlist;
  @Inject CallRecordStore calls;
  @Inject VoicemailStore voicemails;
  @Inject RecordingStore recordings;
  @Inject ConfirmationStore messages;
  @Inject JobRunner jobs;

  @BeforeEach
  void reset() {
    TwilioRecordingsWireMock.reset(twilio);
    jobs.runDue();
  }

  @Test
  void erasingAnEntryErasesItsRecordingsEverywhere() {
    String phone = "+1415555" + (1000 + (int) (Math.random() * 8999));
    String email = "erase-" + UUID.randomUUID() + "@example.com";
    StoredEntry entry =
        waitlist
            .upsert(new WaitlistEntry("Ann Lee", phone, email, Role.CLIENT, Source.WEB, null))
            .entry();
    String callSid = Webhooks.newCallSid();
    RecordingRows.call(calls, callSid, phone, Instant.now());
    String callRecording = RecordingRows.recording(recordings, callSid);
    String voicemailCall = Webhooks.newCallSid();
    String voicemailRecording = RecordingRows.recordingSid();
    voicemails.upsert(
        new Voicemail(
            null,
            voicemailCall,
            phone,
            voicemailRecording,
            "https://api.twilio.com/x",
            9,
            "Call me back on my number",
            null));
    String otherCall = Webhooks.newCallSid();
    RecordingRows.call(calls, otherCall, "+14155550177", Instant.now());
    String otherRecording = RecordingRows.recording(recordings, otherCall);

    assertTrue(editor.erase(entry.id(), "asked by phone", "Olive Ops"));
    jobs.runDue();

    assertEquals(1, TwilioRecordingsWireMock.deletes(twilio, callRecording).size());
    assertEquals(1, TwilioRecordingsWireMock.deletes(twilio, voicemailRecording).size());
    assertTrue(recordings.find(callRecording).isEmpty());
    assertTrue(recordings.find(voicemailRecording).isEmpty());
    assertNull(calls.find(callSid).orElseThrow().transcript());
    assertNull(calls.find(callSid).orElseThrow().fromNumber());
    // the signup's confirmations were still queued: they and their messages are gone
    assertTrue(
        messages.messages(0, 500).stream()
            .noneMatch(m -> m.destination().equals(phone) || m.destination().equals(email)));
    // someone else's call is untouched
    assertEquals(0, TwilioRecordingsWireMock.deletes(twilio, otherRecording).size());
    assertEquals("completed", recordings.find(otherRecording).orElseThrow().status());
    assertEquals(2, calls.find(otherCall).orElseThrow().transcript().size());
  }
}
