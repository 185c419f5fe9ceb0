package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.masseurmatch.waitlist.model.console.Analytics;
import com.masseurmatch.waitlist.model.console.AuditLine;
import com.masseurmatch.waitlist.model.console.CallPage;
import com.masseurmatch.waitlist.model.console.CallSearch;
import com.masseurmatch.waitlist.model.console.CallSummary;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.console.EditResult;
import com.masseurmatch.waitlist.model.console.EntrySearch;
import com.masseurmatch.waitlist.model.console.Overview;
import com.masseurmatch.waitlist.model.console.VoicemailItem;
import com.masseurmatch.waitlist.model.console.VoicemailPage;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The console through PostgREST: aggregations and changes by the {@code console_*} SQL functions
 * (RPC), lists by filtered selects with an exact count.
 */
public final class PostgrestConsoleStore implements ConsoleStore {

  private static final String CALL_COLUMNS =
      "call_sid,from_number,started_at,ended_at,path,outcome,waitlist_id,cost_usd";

  private final PostgrestClient client;

  public PostgrestConsoleStore(PostgrestClient client) {
    this.client = client;
  }

  @Override
  public Overview overview(Instant now) {
    return read(
        client.rpc("console_overview", Map.of("p_now", now.toString())).body(),
        new TypeReference<Overview>() {});
  }

  @Override
  public Analytics analytics(Instant from, Instant to) {
    Map<String, Object> args = Map.of("p_from", from.toString(), "p_to", to.toString());
    return read(client.rpc("console_analytics", args).body(), new TypeReference<Analytics>() {});
  }

  @Override
  public WaitlistPage entries(EntrySearch search) {
    Map<String, String> params = filters(search);
    String direction = search.descending() ? ".desc" : ".asc";
    params.put("select", "*");
    params.put("order", search.sort().column() + direction + ",id" + direction);
    Page<StoredEntry> page =
        page(
            PostgrestWaitlistStore.TABLE,
            params,
            search.offset(),
            search.limit(),
            new TypeReference<List<StoredEntry>>() {});
    return new WaitlistPage(page.rows(), page.total(), search.offset(), search.limit());
  }

  /** The search as PostgREST filters, shared by a page and its count. */
  static Map<String, String> filters(EntrySearch search) {
    Map<String, String> params = new LinkedHashMap<>();
    search
        .text()
        .ifPresent(
            text -> {
              String pattern = quote("*" + text + "*");
              params.put(
                  "or",
                  "(full_name.ilike."
                      + pattern
                      + ",email.ilike."
                      + pattern
                      + ",phone.ilike."
                      + pattern
                      + ")");
            });
    search.role().ifPresent(role -> params.put("role", "eq." + role.wireName()));
    search.source().ifPresent(source -> params.put("source", "eq." + source.wireName()));
    search.language().ifPresent(language -> params.put("language", "eq." + language.code()));
    List<String> dates = new ArrayList<>();
    search
        .from()
        .ifPresent(d -> dates.add("created_at.gte." + d.atStartOfDay(ZoneOffset.UTC).toInstant()));
    search
        .to()
        .ifPresent(
            d ->
                dates.add(
                    "created_at.lt." + d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    if (!dates.isEmpty()) {
      params.put("and", "(" + String.join(",", dates) + ")");
    }
    return params;
  }

  @Override
  public Optional<StoredEntry> entry(UUID id) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("select", "*");
    params.put("id", "eq." + id);
    return read(
            client.select(PostgrestWaitlistStore.TABLE, params, false).body(),
            new TypeReference<List<StoredEntry>>() {})
        .stream()
        .findFirst();
  }

  @Override
  public EditResult update(UUID id, WaitlistEntry entry, String operator) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("p_id", id.toString());
    args.put("p_full_name", entry.fullName());
    args.put("p_phone", entry.phone());
    args.put("p_email", entry.email());
    args.put("p_role", entry.role().wireName());
    args.put("p_operator", operator);
    String result =
        read(client.rpc("console_update_entry", args).body(), new TypeReference<String>() {});
    return EditResult.valueOf(result.toUpperCase(Locale.ROOT));
  }

  @Override
  public boolean erase(UUID id, String operator, String reason) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("p_id", id.toString());
    args.put("p_operator", operator);
    args.put("p_reason", reason);
    return read(client.rpc("console_erase_entry", args).body(), new TypeReference<Boolean>() {});
  }

  @Override
  public CallPage calls(CallSearch search) {
    Map<String, String> params = new LinkedHashMap<>();
    search.path().ifPresent(p -> params.put("path", "eq." + p.wireName()));
    search.outcome().ifPresent(o -> params.put("outcome", "eq." + o.wireName()));
    search.language().ifPresent(l -> params.put("language", "eq." + l.code()));
    params.put("select", CALL_COLUMNS);
    params.put("order", "started_at.desc.nullslast,call_sid.asc");
    Page<CallSummary> page =
        page(
            "calls",
            params,
            search.offset(),
            search.limit(),
            new TypeReference<List<CallSummary>>() {});
    return new CallPage(page.rows(), page.total(), search.offset(), search.limit());
  }

  @Override
  public VoicemailPage voicemails(boolean unhandledOnly, int offset, int limit) {
    Map<String, String> params = new LinkedHashMap<>();
    if (unhandledOnly) {
      params.put("handled_at", "is.null");
    }
    params.put("select", "*");
    params.put("order", "created_at.desc,id.asc");
    Page<VoicemailRow> page =
        page(
            PostgrestVoicemailStore.TABLE,
            params,
            offset,
            limit,
            new TypeReference<List<VoicemailRow>>() {});
    return new VoicemailPage(
        page.rows().stream().map(VoicemailRow::item).toList(), page.total(), offset, limit);
  }

  @Override
  public Optional<VoicemailItem> voicemail(UUID id) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("select", "*");
    params.put("id", "eq." + id);
    return read(
            client.select(PostgrestVoicemailStore.TABLE, params, false).body(),
            new TypeReference<List<VoicemailRow>>() {})
        .stream()
        .findFirst()
        .map(VoicemailRow::item);
  }

  @Override
  public boolean markHandled(UUID id, String operator) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("p_id", id.toString());
    args.put("p_operator", operator);
    return read(
        client.rpc("console_voicemail_handled", args).body(), new TypeReference<Boolean>() {});
  }

  @Override
  public List<AuditLine> audit(int limit) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("select", "at,operator,action,target,detail");
    params.put("order", "at.desc,id.desc");
    params.put("limit", Integer.toString(limit));
    return read(
        client.select("admin_audit", params, false).body(),
        new TypeReference<List<AuditLine>>() {});
  }

  /** A page with its exact total; an offset past the end is an empty page. */
  private <T> Page<T> page(
      String table,
      Map<String, String> filters,
      int offset,
      int limit,
      TypeReference<List<T>> type) {
    Map<String, String> params = new LinkedHashMap<>(filters);
    params.put("limit", Integer.toString(limit));
    params.put("offset", Integer.toString(offset));
    try {
      PostgrestResponse response = client.select(table, params, true);
      List<T> rows = read(response.body(), type);
      long total = response.total();
      return new Page<>(rows, total < 0 ? offset + rows.size() : total);
    } catch (StoreRejectedException e) {
      if (e.status() != 416) {
        throw e;
      }
      Map<String, String> count = new LinkedHashMap<>(filters);
      count.put("select", table.equals("calls") ? "call_sid" : "id");
      count.put("limit", "1");
      return new Page<>(List.of(), Math.max(0, client.select(table, count, true).total()));
    }
  }

  private <T> T read(String body, TypeReference<T> type) {
    try {
      return client.json().readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new StoreUnavailableException("PostgREST answered with unreadable JSON", false, e);
    }
  }

  private record Page<T>(List<T> rows, long total) {}

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

  /** A PostgREST filter value in double quotes, with its quotes and backslashes escaped. */
  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
