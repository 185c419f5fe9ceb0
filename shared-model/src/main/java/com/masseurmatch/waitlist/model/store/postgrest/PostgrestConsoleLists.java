package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.console.CallPage;
import com.masseurmatch.waitlist.model.console.CallSearch;
import com.masseurmatch.waitlist.model.console.CallSummary;
import com.masseurmatch.waitlist.model.console.MessagePage;
import com.masseurmatch.waitlist.model.console.MessageSearch;
import com.masseurmatch.waitlist.model.console.OptOut;
import com.masseurmatch.waitlist.model.console.VoicemailItem;
import com.masseurmatch.waitlist.model.console.VoicemailPage;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The console's lists through PostgREST: calls, voicemails, messages and opt-outs. */
final class PostgrestConsoleLists {

  private static final String CALL_COLUMNS =
      "call_sid,from_number,started_at,ended_at,path,outcome,waitlist_id,cost_usd,language,variant";

  private final PostgrestClient client;
  private final PostgrestPages pages;

  PostgrestConsoleLists(PostgrestClient client, PostgrestPages pages) {
    this.client = client;
    this.pages = pages;
  }

  CallPage calls(CallSearch search) {
    Map<String, String> params = new LinkedHashMap<>();
    search.path().ifPresent(p -> params.put("path", "eq." + p.wireName()));
    search.outcome().ifPresent(o -> params.put("outcome", "eq." + o.wireName()));
    search.language().ifPresent(l -> params.put("language", "eq." + l.code()));
    search.variant().ifPresent(v -> params.put("variant", "eq." + v));
    params.put("select", CALL_COLUMNS);
    params.put("order", "started_at.desc.nullslast,call_sid.asc");
    PostgrestPages.Page<CallSummary> page =
        pages.page(
            "calls",
            params,
            search.offset(),
            search.limit(),
            new TypeReference<List<CallSummary>>() {});
    return new CallPage(page.rows(), page.total(), search.offset(), search.limit());
  }

  VoicemailPage voicemails(boolean unhandledOnly, int offset, int limit) {
    Map<String, String> params = new LinkedHashMap<>();
    if (unhandledOnly) {
      params.put("handled_at", "is.null");
    }
    params.put("select", "*");
    params.put("order", "created_at.desc,id.asc");
    PostgrestPages.Page<VoicemailRow> page =
        pages.page(
            PostgrestVoicemailStore.TABLE,
            params,
            offset,
            limit,
            new TypeReference<List<VoicemailRow>>() {});
    return new VoicemailPage(
        page.rows().stream().map(VoicemailRow::item).toList(), page.total(), offset, limit);
  }

  Optional<VoicemailItem> voicemail(UUID id) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("select", "*");
    params.put("id", "eq." + id);
    return pages
        .read(
            client.select(PostgrestVoicemailStore.TABLE, params, false).body(),
            new TypeReference<List<VoicemailRow>>() {})
        .stream()
        .findFirst()
        .map(VoicemailRow::item);
  }

  MessagePage messages(MessageSearch search) {
    Map<String, String> params = new LinkedHashMap<>();
    search.channel().ifPresent(ch -> params.put("channel", "eq." + ch.wireName()));
    search.status().ifPresent(st -> params.put("status", "eq." + st));
    params.put("select", "*");
    params.put("order", "created_at.desc,id.desc");
    PostgrestPages.Page<PostgrestConfirmationStore.MessageRow> page =
        pages.page(
            "messages",
            params,
            search.offset(),
            search.limit(),
            new TypeReference<List<PostgrestConfirmationStore.MessageRow>>() {});
    return new MessagePage(
        page.rows().stream().map(PostgrestConfirmationStore.MessageRow::record).toList(),
        page.total(),
        search.offset(),
        search.limit());
  }

  List<OptOut> optOuts(int limit) {
    Map<String, String> sms = new LinkedHashMap<>();
    sms.put("select", "phone,keyword,changed_at");
    sms.put("opted_out", "is.true");
    sms.put("order", "changed_at.desc,phone.asc");
    sms.put("limit", Integer.toString(limit));
    Map<String, String> email = new LinkedHashMap<>();
    email.put("select", "email,opted_out_at");
    email.put("order", "opted_out_at.desc,email.asc");
    email.put("limit", Integer.toString(limit));
    List<OptOut> out = new ArrayList<>();
    pages
        .read(
            client.select("sms_opt_outs", sms, false).body(),
            new TypeReference<List<SmsOptOutRow>>() {})
        .forEach(r -> out.add(new OptOut(Channel.SMS, r.phone(), r.keyword(), r.changedAt())));
    pages
        .read(
            client.select("email_opt_outs", email, false).body(),
            new TypeReference<List<EmailOptOutRow>>() {})
        .forEach(r -> out.add(new OptOut(Channel.EMAIL, r.email(), null, r.optedOutAt())));
    out.sort(Comparator.comparing(OptOut::at).reversed());
    return out;
  }

  /** An opted-out row of {@code sms_opt_outs}. */
  record SmsOptOutRow(String phone, String keyword, Instant changedAt) {}

  /** A row of {@code email_opt_outs}. */
  record EmailOptOutRow(String email, Instant optedOutAt) {}

  /** One row of {@code voicemails} with the console's columns. */
  record VoicemailRow(
      UUID id,
      String callSid,
      String fromNumber,
      String recordingSid,
      String recordingUrl,
      Integer durationS,
      String transcription,
      Instant createdAt,
      Instant handledAt,
      String handledBy) {

    VoicemailItem item() {
      return new VoicemailItem(
          new Voicemail(
              id,
              callSid,
              fromNumber,
              recordingSid,
              recordingUrl,
              durationS,
              transcription,
              createdAt),
          handledAt,
          handledBy);
    }
  }
}
