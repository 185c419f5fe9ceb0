package com.masseurmatch.waitlist.ivr.recording;

import com.masseurmatch.waitlist.model.analysis.AnalysisStore;
import com.masseurmatch.waitlist.model.analysis.CallInsight;
import com.masseurmatch.waitlist.model.recording.Recording;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import java.util.List;
import java.util.Optional;

/**
 * The call page's recording and analysis card: the consent, the recordings (played through the
 * console, never from Twilio's URL) and the analysis.
 */
public record CallRecordingPanel(Optional<CallInsight> insight, List<Recording> recordings) {

  /** The panel of one call. Blocking. */
  public static CallRecordingPanel of(
      String callSid, AnalysisStore analysis, RecordingStore recordingStore) {
    return new CallRecordingPanel(
        analysis.call(callSid), recordingStore.forCalls(List.of(callSid)));
  }

  /** The console's audio URL of a recording of this call. */
  public String audio(Recording recording) {
    return "/admin/calls/"
        + recording.callSid()
        + "/recordings/"
        + recording.recordingSid()
        + ".mp3";
  }
}
