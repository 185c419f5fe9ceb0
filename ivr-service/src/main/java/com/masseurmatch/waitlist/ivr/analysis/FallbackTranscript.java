package com.masseurmatch.waitlist.ivr.analysis;

import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words of a call for its analysis: the bridge's transcript, followed by the fallback
 * assistant's chat turns (the caller's and the assistant's messages kept in its state).
 */
final class FallbackTranscript {

  private FallbackTranscript() {}

  static List<TranscriptTurn> of(CallRecord call) {
    List<TranscriptTurn> turns = new ArrayList<>();
    if (call.transcript() != null) {
      turns.addAll(call.transcript());
    }
    Object messages = call.assistantState() == null ? null : call.assistantState().get("messages");
    if (messages instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> message
            && message.get("content") instanceof String text
            && !text.isBlank()) {
          Object role = message.get("role");
          if ("user".equals(role)) {
            turns.add(new TranscriptTurn("caller", text, null));
          } else if ("assistant".equals(role)) {
            turns.add(new TranscriptTurn("knotty", text, null));
          }
        }
      }
    }
    return turns;
  }
}
