package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code calls} table through PostgREST, upserted on {@code call_sid}. */
public final class PostgrestCallRecordStore implements CallRecordStore {

  static final String TABLE = "calls";

  private final PostgrestClient client;

  public PostgrestCallRecordStore(PostgrestClient client) {
    this.client = client;
  }

  @Override
  public void upsert(CallRecord record) {
    client.upsertMinimal(TABLE, "call_sid", record);
  }

  @Override
  public Optional<CallRecord> find(String callSid) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("select", "*");
    params.put("call_sid", "eq." + callSid);
    params.put("limit", "1");
    return rows(client.select(TABLE, params, false)).stream().findFirst();
  }

  @Override
  public List<CallRecord> recent(int limit) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("select", "*");
    params.put("order", "started_at.desc.nullslast");
    params.put("limit", Integer.toString(limit));
    return rows(client.select(TABLE, params, false));
  }

  private List<CallRecord> rows(PostgrestResponse response) {
    try {
      return client.json().readValue(response.body(), new TypeReference<List<CallRecord>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreUnavailableException("PostgREST answered with unreadable JSON", false, e);
    }
  }
}
