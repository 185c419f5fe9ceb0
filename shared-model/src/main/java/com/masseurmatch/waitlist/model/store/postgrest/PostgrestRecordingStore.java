package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.recording.Consent;
import com.masseurmatch.waitlist.model.recording.Recording;
import com.masseurmatch.waitlist.model.recording.RecordingStore;
import com.masseurmatch.waitlist.model.store.SupabaseConfig;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Recordings through the functions of the Supabase migration ({@code /rest/v1/rpc/...}). */
public final class PostgrestRecordingStore implements RecordingStore {

  private final PostgrestClient client;

  public PostgrestRecordingStore(SupabaseConfig config, ObjectMapper rowJson) {
    this.client = new PostgrestClient(config, rowJson);
  }

  @Override
  public void consent(String callSid, Consent consent) {
    rpc(
        "recording_consent",
        new TypeReference<Boolean>() {},
        "p_call_sid",
        callSid,
        "p_decision",
        consent.decision(),
        "p_method",
        consent.method(),
        "p_at",
        consent.at().toString());
  }

  @Override
  public UUID requested(String callSid, Consent consent) {
    return rpc(
        "recording_requested",
        new TypeReference<UUID>() {},
        "p_call_sid",
        callSid,
        "p_consent_at",
        consent.at().toString(),
        "p_method",
        consent.method());
  }

  @Override
  public void started(UUID id, String recordingSid, String status, Integer channels) {
    rpc(
        "recording_started",
        new TypeReference<Boolean>() {},
        "p_id",
        id,
        "p_recording_sid",
        recordingSid,
        "p_status",
        status,
        "p_channels",
        channels);
  }

  @Override
  public void startFailed(UUID id, String error) {
    rpc("recording_start_failed", new TypeReference<Boolean>() {}, "p_id", id, "p_error", error);
  }

  @Override
  public boolean status(
      String recordingSid, String callSid, String status, Integer durationS, Integer channels) {
    return rpc(
        "recording_status",
        new TypeReference<Boolean>() {},
        "p_recording_sid",
        recordingSid,
        "p_call_sid",
        callSid,
        "p_status",
        status,
        "p_duration_s",
        durationS,
        "p_channels",
        channels);
  }

  @Override
  public List<Recording> forCalls(Collection<String> callSids) {
    if (callSids.isEmpty()) {
      return List.of();
    }
    return rpc(
        "recordings_for_calls",
        new TypeReference<List<Recording>>() {},
        "p_call_sids",
        List.copyOf(callSids));
  }

  @Override
  public Optional<Recording> find(String recordingSid) {
    return rpc(
            "recording_by_sid",
            new TypeReference<List<Recording>>() {},
            "p_recording_sid",
            recordingSid)
        .stream()
        .findFirst();
  }

  @Override
  public List<String> expire(Instant before, int limit) {
    return sids(
        rpc(
            "recordings_expire",
            new TypeReference<List<SidRow>>() {},
            "p_before",
            before.toString(),
            "p_limit",
            limit));
  }

  @Override
  public void deleted(String recordingSid) {
    rpc("recording_deleted", new TypeReference<Boolean>() {}, "p_recording_sid", recordingSid);
  }

  @Override
  public int clearTranscripts(Instant before) {
    return rpc(
        "transcripts_expire", new TypeReference<Integer>() {}, "p_before", before.toString());
  }

  @Override
  public List<String> erase(String phone, String email, UUID waitlistId, String callSid) {
    return sids(
        rpc(
            "erase_recorded_data",
            new TypeReference<List<SidRow>>() {},
            "p_phone",
            phone,
            "p_email",
            email,
            "p_waitlist_id",
            waitlistId,
            "p_call_sid",
            callSid));
  }

  /** A row of the functions that return recordings to delete. */
  private record SidRow(String recordingSid) {}

  private static List<String> sids(List<SidRow> rows) {
    return rows.stream().map(SidRow::recordingSid).toList();
  }

  /** Calls a function with named arguments (name, value pairs; nulls are sent as null). */
  private <T> T rpc(String function, TypeReference<T> type, Object... pairs) {
    return PostgrestRpc.call(client, function, type, pairs);
  }
}
