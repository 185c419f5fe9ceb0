package com.masseurmatch.waitlist.model.store.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Erasure on request in the embedded database, as the migration's {@code erase_recorded_data}: the
 * calls and voicemails of a phone number, an entry and its call lose their words, numbers and
 * analyses; messages and queued or dead jobs holding them go; the recordings to delete at Twilio
 * are returned.
 */
final class EmbeddedErasure {

  private EmbeddedErasure() {}

  static List<String> erase(
      Connection c, String phone, String email, UUID waitlistId, String callSid)
      throws SQLException {
    String id = waitlistId == null ? null : waitlistId.toString();
    Set<String> sids = new LinkedHashSet<>();
    sids.addAll(
        RecordingSql.strings(
            c,
            "select call_sid from calls where (? is not null and from_number = ?)"
                + " or (? is not null and waitlist_id = ?) or (? is not null and call_sid = ?)",
            phone,
            phone,
            id,
            id,
            callSid,
            callSid));
    sids.addAll(
        RecordingSql.strings(
            c,
            "select call_sid from voicemails where call_sid is not null and"
                + " ((? is not null and from_number = ?) or (? is not null and call_sid = ?))",
            phone,
            phone,
            callSid,
            callSid));
    List<String> recordings = new ArrayList<>();
    for (String sid : sids) {
      RecordingSql.update(
          c,
          "update calls set transcript = null, collected = null, assistant_state = null,"
              + " from_number = null, analysis = null, analysis_error = null,"
              + " analysis_status = case when analysis_status is null then null"
              + " else 'erased' end where call_sid = ?",
          sid);
      RecordingSql.update(
          c,
          "update voicemails set transcription = null, recording_url = null,"
              + " from_number = null where call_sid = ?",
          sid);
      RecordingSql.update(
          c,
          "delete from jobs where status in ('queued', 'dead')"
              + " and json_extract(payload, '$.call_sid') = ?",
          sid);
      RecordingSql.update(
          c, "delete from recordings where call_sid = ? and recording_sid is null", sid);
      recordings.addAll(
          RecordingSql.strings(
              c,
              "select recording_sid from recordings where call_sid = ?"
                  + " and recording_sid is not null",
              sid));
    }
    RecordingSql.update(
        c,
        "delete from messages where (? is not null and waitlist_id = ?)"
            + " or destination in (?, ?)",
        id,
        id,
        phone,
        email);
    RecordingSql.update(
        c,
        "delete from jobs where status in ('queued', 'dead') and ((? is not null and"
            + " json_extract(payload, '$.waitlist_id') = ?)"
            + " or json_extract(payload, '$.destination') in (?, ?))",
        id,
        id,
        phone,
        email);
    return recordings;
  }
}
