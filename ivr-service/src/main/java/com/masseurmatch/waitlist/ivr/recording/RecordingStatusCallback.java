package com.masseurmatch.waitlist.ivr.recording;

import com.masseurmatch.waitlist.ivr.voice.Twiml;
import com.masseurmatch.waitlist.ivr.voice.VoiceRequest;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.Set;

/** Twilio's recording status callback: the recording's status, length and channels. */
@Singleton
public class RecordingStatusCallback {

  private static final Set<String> STATUSES =
      Set.of("in-progress", "paused", "stopped", "completed", "absent", "failed");

  private final RecordingStore store;
  private final Twiml twiml;

  RecordingStatusCallback(RecordingStore store, Twiml twiml) {
    this.store = store;
    this.twiml = twiml;
  }

  public String handle(VoiceRequest call) {
    String sid = call.get("RecordingSid");
    String status = call.get("RecordingStatus");
    if (sid == null || status == null || !STATUSES.contains(status)) {
      Log.warnf("call %s: recording status callback without a known status", call.callSid());
      return empty();
    }
    boolean known =
        store.status(
            sid,
            call.callSid(),
            status,
            number(call.get("RecordingDuration")),
            number(call.get("RecordingChannels")));
    Log.infof(
        "call %s: recording %s %s%s", call.callSid(), sid, status, known ? "" : " (not ours)");
    return empty();
  }

  /** The answer Twilio ignores. */
  public String empty() {
    return twiml.empty();
  }

  private static Integer number(String value) {
    try {
      return value == null ? null : Math.max(0, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
