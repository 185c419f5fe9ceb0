package com.masseurmatch.waitlist.model.store.embedded;

import static com.masseurmatch.waitlist.model.store.embedded.EmbeddedCallRecordStore.instant;

import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import com.masseurmatch.waitlist.model.console.CallPage;
import com.masseurmatch.waitlist.model.console.CallSearch;
import com.masseurmatch.waitlist.model.console.CallSummary;
import com.masseurmatch.waitlist.model.console.MessagePage;
import com.masseurmatch.waitlist.model.console.MessageSearch;
import com.masseurmatch.waitlist.model.console.OptOut;
import com.masseurmatch.waitlist.model.console.VoicemailItem;
import com.masseurmatch.waitlist.model.console.VoicemailPage;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The console's lists on the embedded database: calls, voicemails, messages and opt-outs. */
final class EmbeddedConsoleInbox {

  private static final String VOICEMAIL =
      "id, call_sid, from_number, recording_sid, recording_url, duration_s, transcription,"
          + " created_at, handled_at, handled_by";
  private static final String CALL =
      "call_sid, from_number, started_at, ended_at, path, outcome, waitlist_id, cost_usd,"
          + " language, variant";

  private final EmbeddedDatabase database;
  private final Clock clock;
  private final EmbeddedAudit audit;

  EmbeddedConsoleInbox(EmbeddedDatabase database, Clock clock, EmbeddedAudit audit) {
    this.database = database;
    this.clock = clock;
    this.audit = audit;
  }

  CallPage calls(CallSearch search) {
    List<String> conditions = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    search.path().ifPresent(p -> where(conditions, args, "path = ?", p.wireName()));
    search.outcome().ifPresent(o -> where(conditions, args, "outcome = ?", o.wireName()));
    search.language().ifPresent(l -> where(conditions, args, "language = ?", l.code()));
    search.variant().ifPresent(v -> where(conditions, args, "variant = ?", v));
    SqlFilter.Paged<CallSummary> page =
        database.read(
            c ->
                filter(conditions, args)
                    .page(
                        c,
                        CALL,
                        "calls",
                        "started_at is null, started_at desc, call_sid",
                        search.offset(),
                        search.limit(),
                        EmbeddedCallRecordStore::summary));
    return new CallPage(page.rows(), page.total(), search.offset(), search.limit());
  }

  VoicemailPage voicemails(boolean unhandledOnly, int offset, int limit) {
    SqlFilter filter = new SqlFilter(unhandledOnly ? " where handled_at is null" : "");
    SqlFilter.Paged<VoicemailItem> page =
        database.read(
            c ->
                filter.page(
                    c,
                    VOICEMAIL,
                    "voicemails",
                    "created_at desc, id",
                    offset,
                    limit,
                    EmbeddedConsoleInbox::voicemail));
    return new VoicemailPage(page.rows(), page.total(), offset, limit);
  }

  Optional<VoicemailItem> voicemail(UUID id) {
    return database.read(
        c -> {
          try (ResultSet rows =
              EmbeddedSql.query(
                  c, "select " + VOICEMAIL + " from voicemails where id = ?", id.toString())) {
            return rows.next() ? Optional.of(voicemail(rows)) : Optional.empty();
          }
        });
  }

  boolean markHandled(UUID id, String operator) {
    return database.write(
        c -> {
          int changed =
              EmbeddedSql.execute(
                  c,
                  "update voicemails set handled_at = coalesce(handled_at, ?),"
                      + " handled_by = coalesce(handled_by, ?) where id = ?",
                  clock.millis(),
                  operator,
                  id.toString());
          if (changed == 0) {
            return false;
          }
          audit.add(c, operator, "voicemail_handled", id.toString(), null);
          return true;
        });
  }

  MessagePage messages(MessageSearch search) {
    List<String> conditions = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    search.channel().ifPresent(ch -> where(conditions, args, "channel = ?", ch.wireName()));
    search.status().ifPresent(st -> where(conditions, args, "status = ?", st));
    SqlFilter.Paged<MessageRecord> page =
        database.read(
            c ->
                filter(conditions, args)
                    .page(
                        c,
                        EmbeddedConfirmationStore.MESSAGE_COLUMNS,
                        "messages",
                        "created_at desc, id desc",
                        search.offset(),
                        search.limit(),
                        EmbeddedConfirmationStore::message));
    return new MessagePage(page.rows(), page.total(), search.offset(), search.limit());
  }

  List<OptOut> optOuts(int limit) {
    return database.read(
        c -> {
          List<OptOut> out = new ArrayList<>();
          try (ResultSet rows =
              EmbeddedSql.query(
                  c,
                  "select phone, keyword, changed_at from sms_opt_outs where opted_out = 1"
                      + " order by changed_at desc, phone limit ?",
                  limit)) {
            while (rows.next()) {
              out.add(
                  new OptOut(
                      Channel.SMS,
                      rows.getString(1),
                      rows.getString(2),
                      Instant.ofEpochMilli(rows.getLong(3))));
            }
          }
          try (ResultSet rows =
              EmbeddedSql.query(
                  c,
                  "select email, opted_out_at from email_opt_outs"
                      + " order by opted_out_at desc, email limit ?",
                  limit)) {
            while (rows.next()) {
              out.add(
                  new OptOut(
                      Channel.EMAIL,
                      rows.getString(1),
                      null,
                      Instant.ofEpochMilli(rows.getLong(2))));
            }
          }
          out.sort(Comparator.comparing(OptOut::at).reversed());
          return out;
        });
  }

  private static void where(List<String> conditions, List<Object> args, String sql, Object arg) {
    conditions.add(sql);
    args.add(arg);
  }

  private static SqlFilter filter(List<String> conditions, List<Object> args) {
    return new SqlFilter(
        conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), args.toArray());
  }

  private static VoicemailItem voicemail(ResultSet rows) throws SQLException {
    int duration = rows.getInt("duration_s");
    Integer seconds = rows.wasNull() ? null : duration;
    Voicemail voicemail =
        new Voicemail(
            UUID.fromString(rows.getString("id")),
            rows.getString("call_sid"),
            rows.getString("from_number"),
            rows.getString("recording_sid"),
            rows.getString("recording_url"),
            seconds,
            rows.getString("transcription"),
            instant(rows, "created_at"));
    return new VoicemailItem(voicemail, instant(rows, "handled_at"), rows.getString("handled_by"));
  }
}
