package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.masseurmatch.waitlist.model.console.Analytics;
import com.masseurmatch.waitlist.model.console.AuditLine;
import com.masseurmatch.waitlist.model.console.CallPage;
import com.masseurmatch.waitlist.model.console.CallSearch;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.console.EditResult;
import com.masseurmatch.waitlist.model.console.EntrySearch;
import com.masseurmatch.waitlist.model.console.MessagePage;
import com.masseurmatch.waitlist.model.console.MessageSearch;
import com.masseurmatch.waitlist.model.console.OptOut;
import com.masseurmatch.waitlist.model.console.Overview;
import com.masseurmatch.waitlist.model.console.VoicemailItem;
import com.masseurmatch.waitlist.model.console.VoicemailPage;
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

  private final PostgrestClient client;
  private final PostgrestPages pages;
  private final PostgrestConsoleLists lists;

  public PostgrestConsoleStore(PostgrestClient client) {
    this.client = client;
    this.pages = new PostgrestPages(client);
    this.lists = new PostgrestConsoleLists(client, pages);
  }

  @Override
  public Overview overview(Instant now) {
    return pages.read(
        client.rpc("console_overview", Map.of("p_now", now.toString())).body(),
        new TypeReference<Overview>() {});
  }

  @Override
  public Analytics analytics(Instant from, Instant to) {
    Map<String, Object> args = Map.of("p_from", from.toString(), "p_to", to.toString());
    return pages.read(
        client.rpc("console_analytics", args).body(), new TypeReference<Analytics>() {});
  }

  /**
   * A search goes through {@code search_waitlist()}, so the text matches literally as on the
   * embedded store (PostgREST's {@code ilike} reads {@code *}, {@code %} and {@code _} as
   * wildcards); the filters, order and page apply to the function's rows as to the table's.
   */
  @Override
  public WaitlistPage entries(EntrySearch search) {
    Map<String, String> params = filters(search);
    String direction = search.descending() ? ".desc" : ".asc";
    params.put("select", "*");
    params.put("order", search.sort().column() + direction + ",id" + direction);
    TypeReference<List<StoredEntry>> type = new TypeReference<>() {};
    PostgrestPages.Page<StoredEntry> page =
        search
            .text()
            .map(
                text ->
                    pages.page(
                        (query, count) ->
                            client.rpcSelect(
                                PostgrestWaitlistStore.SEARCH,
                                Map.of("search_text", text),
                                query,
                                count),
                        params,
                        search.offset(),
                        search.limit(),
                        type))
            .orElseGet(
                () ->
                    pages.page(
                        PostgrestWaitlistStore.TABLE,
                        params,
                        search.offset(),
                        search.limit(),
                        type));
    return new WaitlistPage(page.rows(), page.total(), search.offset(), search.limit());
  }

  /** The search's filters as PostgREST filters, on the table or on the search's rows. */
  static Map<String, String> filters(EntrySearch search) {
    Map<String, String> params = new LinkedHashMap<>();
    search.role().ifPresent(role -> params.put("role", "eq." + role.wireName()));
    search.source().ifPresent(source -> params.put("source", "eq." + source.wireName()));
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
    return pages
        .read(
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
        pages.read(client.rpc("console_update_entry", args).body(), new TypeReference<String>() {});
    return EditResult.valueOf(result.toUpperCase(Locale.ROOT));
  }

  @Override
  public boolean erase(UUID id, String operator, String reason) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("p_id", id.toString());
    args.put("p_operator", operator);
    args.put("p_reason", reason);
    return pages.read(
        client.rpc("console_erase_entry", args).body(), new TypeReference<Boolean>() {});
  }

  @Override
  public CallPage calls(CallSearch search) {
    return lists.calls(search);
  }

  @Override
  public VoicemailPage voicemails(boolean unhandledOnly, int offset, int limit) {
    return lists.voicemails(unhandledOnly, offset, limit);
  }

  @Override
  public Optional<VoicemailItem> voicemail(UUID id) {
    return lists.voicemail(id);
  }

  @Override
  public MessagePage messages(MessageSearch search) {
    return lists.messages(search);
  }

  @Override
  public List<OptOut> optOuts(int limit) {
    return lists.optOuts(limit);
  }

  @Override
  public boolean markHandled(UUID id, String operator) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("p_id", id.toString());
    args.put("p_operator", operator);
    return pages.read(
        client.rpc("console_voicemail_handled", args).body(), new TypeReference<Boolean>() {});
  }

  @Override
  public List<AuditLine> audit(int limit) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("select", "at,operator,action,target,detail");
    params.put("order", "at.desc,id.desc");
    params.put("limit", Integer.toString(limit));
    return pages.read(
        client.select("admin_audit", params, false).body(),
        new TypeReference<List<AuditLine>>() {});
  }

  @Override
  public void revokeSession(String sessionId, Instant expiresAt) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("p_session_id", sessionId);
    args.put("p_expires_at", expiresAt.toString());
    client.rpc("console_revoke_session", args);
  }

  @Override
  public boolean sessionRevoked(String sessionId) {
    return pages.read(
        client.rpc("console_session_revoked", Map.of("p_session_id", sessionId)).body(),
        new TypeReference<Boolean>() {});
  }
}
