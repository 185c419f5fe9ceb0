package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code voicemails} table through PostgREST, upserted on {@code recording_sid}. */
public final class PostgrestVoicemailStore implements VoicemailStore {

  static final String TABLE = "voicemails";

  private final PostgrestClient client;

  public PostgrestVoicemailStore(PostgrestClient client) {
    this.client = client;
  }

  @Override
  public Voicemail upsert(Voicemail voicemail) {
    List<Voicemail> rows = rows(client.upsertReturning(TABLE, "recording_sid", voicemail));
    if (rows.isEmpty()) {
      throw new StoreUnavailableException("PostgREST returned no row for an upsert", false, null);
    }
    return rows.get(0);
  }

  @Override
  public List<Voicemail> recent(int limit) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("select", "*");
    params.put("order", "created_at.desc");
    params.put("limit", Integer.toString(limit));
    return rows(client.select(TABLE, params, false));
  }

  private List<Voicemail> rows(PostgrestResponse response) {
    try {
      return client.json().readValue(response.body(), new TypeReference<List<Voicemail>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreUnavailableException("PostgREST answered with unreadable JSON", false, e);
    }
  }
}
