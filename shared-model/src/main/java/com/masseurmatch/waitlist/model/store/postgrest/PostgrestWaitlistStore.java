package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.SaveResult;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.StatsTally;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.SubmitResult;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStats;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code waitlist} table through PostgREST: upsert on e-mail, pages, search and stats by RPC.
 */
public final class PostgrestWaitlistStore implements WaitlistStore {

  static final String TABLE = "waitlist";
  static final String SEARCH = "search_waitlist";

  private final PostgrestClient client;

  public PostgrestWaitlistStore(PostgrestClient client) {
    this.client = client;
  }

  @Override
  public SaveResult upsert(WaitlistEntry entry) {
    PostgrestResponse response = client.upsertReturning(TABLE, "email", entry);
    List<StoredEntry> rows = read(response.body(), new TypeReference<List<StoredEntry>>() {});
    if (rows.isEmpty()) {
      throw new StoreUnavailableException("PostgREST returned no row for an upsert", false, null);
    }
    // PostgREST >= 12: 201 when a row was inserted, 200 when the e-mail existed and was updated
    return new SaveResult(rows.get(0), response.status() == 201);
  }

  @Override
  public SubmitResult submit(WaitlistEntry entry) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("full_name", entry.fullName());
    args.put("phone", entry.phone());
    args.put("email", entry.email());
    args.put("role", entry.role().wireName());
    args.put("source", entry.source().wireName());
    args.put("call_sid", entry.callSid());
    args.put("language", entry.language());
    List<SubmitRow> rows =
        read(
            client.rpc("submit_waitlist_entry", args).body(),
            new TypeReference<List<SubmitRow>>() {});
    if (rows.isEmpty()) {
      throw new StoreUnavailableException("PostgREST returned no row for a submit", false, null);
    }
    return new SubmitResult(rows.get(0).id(), SubmitResult.Outcome.fromWire(rows.get(0).outcome()));
  }

  @Override
  public WaitlistPage list(WaitlistQuery query) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("order", "created_at.desc,id.desc");
    params.put("limit", Integer.toString(query.limit()));
    params.put("offset", Integer.toString(query.offset()));
    try {
      PostgrestResponse response = select(query, params);
      List<StoredEntry> rows = read(response.body(), new TypeReference<List<StoredEntry>>() {});
      long total = response.total();
      return new WaitlistPage(
          rows, total < 0 ? query.offset() + rows.size() : total, query.offset(), query.limit());
    } catch (StoreRejectedException e) {
      if (e.status() != 416) {
        throw e;
      }
      // an offset past the end: an empty page, with the real total
      return new WaitlistPage(List.of(), count(query), query.offset(), query.limit());
    }
  }

  private long count(WaitlistQuery query) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("limit", "1");
    return Math.max(0, select(query, params).total());
  }

  /**
   * The rows of a page, counted. A search goes through {@code search_waitlist()}, which matches the
   * text literally: PostgREST's {@code ilike} filter would read {@code *}, {@code %} and {@code _}
   * in it as wildcards and cannot escape them.
   */
  private PostgrestResponse select(WaitlistQuery query, Map<String, String> page) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("select", "*");
    query.language().ifPresent(language -> params.put("language", "eq." + language.code()));
    if (query.search().isPresent()) {
      params.putAll(page);
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("search_text", query.search().get());
      args.put("role_filter", query.role().map(Role::wireName).orElse(null));
      return client.rpcSelect(SEARCH, args, params, true);
    }
    query.role().ifPresent(role -> params.put("role", "eq." + role.wireName()));
    params.putAll(page);
    return client.select(TABLE, params, true);
  }

  @Override
  public WaitlistStats stats() {
    PostgrestResponse response = client.rpc("waitlist_stats", Map.of());
    List<StatRow> rows = read(response.body(), new TypeReference<List<StatRow>>() {});
    StatsTally tally = new StatsTally();
    rows.forEach(row -> tally.add(row.role(), row.source(), row.entries()));
    return tally.stats();
  }

  private <T> T read(String body, TypeReference<T> type) {
    try {
      return client.json().readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new StoreUnavailableException("PostgREST answered with unreadable JSON", false, e);
    }
  }

  /** The row {@code submit_waitlist_entry()} returns. */
  record SubmitRow(UUID id, String outcome) {}

  /** One row of the {@code waitlist_stats()} function. */
  record StatRow(Role role, Source source, long entries) {}
}
