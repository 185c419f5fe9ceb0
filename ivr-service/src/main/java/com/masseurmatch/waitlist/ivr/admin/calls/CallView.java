package com.masseurmatch.waitlist.ivr.admin.calls;

import com.masseurmatch.waitlist.ivr.admin.ConsoleFormats;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.TranscriptTurn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One call's page: its record, its transcript turn by turn, the fields collected, the token usage
 * and a timeline built from what the record holds.
 */
public record CallView(
    CallRecord record,
    List<TranscriptTurn> transcript,
    Map<String, String> collected,
    Map<String, Long> usage,
    List<Event> timeline) {

  /** One moment of the call. */
  public record Event(Instant at, String what) {}

  static CallView of(CallRecord record) {
    List<Event> timeline = new ArrayList<>();
    if (record.startedAt() != null) {
      timeline.add(new Event(record.startedAt(), "Answered"));
    }
    List<TranscriptTurn> turns = record.transcript() == null ? List.of() : record.transcript();
    if (!turns.isEmpty() && turns.get(0).at() != null) {
      timeline.add(new Event(turns.get(0).at(), "First words in the conversation"));
    }
    if (record.endedAt() != null) {
      String how =
          record.outcome() == null
              ? "Ended"
              : "Ended: " + record.outcome().wireName().replace('_', ' ');
      timeline.add(new Event(record.endedAt(), how));
    }
    timeline.sort(Comparator.comparing(Event::at));
    return new CallView(
        record,
        turns,
        record.collected() == null ? Map.of() : new TreeMap<>(record.collected()),
        record.usage() == null ? Map.of() : new TreeMap<>(record.usage()),
        timeline);
  }

  public String length() {
    return ConsoleFormats.between(record.startedAt(), record.endedAt());
  }
}
