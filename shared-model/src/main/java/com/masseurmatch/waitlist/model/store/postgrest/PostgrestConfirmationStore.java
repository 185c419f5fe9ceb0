package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import com.masseurmatch.waitlist.model.confirm.PendingChange;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import com.masseurmatch.waitlist.model.store.SupabaseConfig;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Messages, opt-outs and pending changes through PostgREST: the migration's functions. */
public final class PostgrestConfirmationStore implements ConfirmationStore {

  private final PostgrestClient client;

  public PostgrestConfirmationStore(SupabaseConfig config, ObjectMapper rowJson) {
    this.client = new PostgrestClient(config, rowJson);
  }

  @Override
  public MessageRecord beginAttempt(
      String dedupeKey, UUID waitlistId, Channel channel, String purpose, String destination) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("dedupe_key", dedupeKey);
    args.put("waitlist_id", waitlistId);
    args.put("channel", channel.wireName());
    args.put("purpose", purpose);
    args.put("destination", destination);
    List<MessageRow> rows = rows(client.rpc("begin_message", args), MESSAGES);
    if (rows.isEmpty()) {
      throw new StoreUnavailableException("PostgREST returned no message row", false, null);
    }
    return rows.get(0).record();
  }

  @Override
  public void finish(
      UUID messageId, String status, String providerId, String errorCode, String error) {
    Map<String, Object> args = new HashMap<>();
    args.put("id", messageId);
    args.put("status", status);
    args.put("provider_id", providerId);
    args.put("error_code", errorCode);
    args.put("error", error);
    client.rpc("finish_message", args);
  }

  @Override
  public boolean recordDelivery(String providerId, String status, String errorCode) {
    Map<String, Object> args = new HashMap<>();
    args.put("provider_id", providerId);
    args.put("status", status);
    args.put("error_code", errorCode);
    return Boolean.parseBoolean(client.rpc("record_delivery", args).body().trim());
  }

  @Override
  public List<MessageRecord> messages(int offset, int limit) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("select", "*");
    query.put("order", "created_at.desc,id.desc");
    query.put("limit", Integer.toString(limit));
    query.put("offset", Integer.toString(offset));
    return rows(client.select("messages", query, false), MESSAGES).stream()
        .map(MessageRow::record)
        .toList();
  }

  @Override
  public void setSmsOptOut(String phone, boolean optedOut, String keyword) {
    client.upsertMinimal(
        "sms_opt_outs", "phone", new OptOutRow(phone, optedOut, keyword, Instant.now()));
  }

  @Override
  public boolean smsOptedOut(String phone) {
    return !rows(
            client.select(
                "sms_opt_outs",
                Map.of("select", "phone", "phone", "eq." + phone, "opted_out", "eq.true"),
                false),
            new TypeReference<List<Map<String, Object>>>() {})
        .isEmpty();
  }

  @Override
  public void optOutEmail(String email) {
    client.upsertMinimal("email_opt_outs", "email", Map.of("email", email));
  }

  @Override
  public boolean emailOptedOut(String email) {
    return !rows(
            client.select(
                "email_opt_outs", Map.of("select", "email", "email", "eq." + email), false),
            new TypeReference<List<Map<String, Object>>>() {})
        .isEmpty();
  }

  @Override
  public Optional<StoredEntry> entry(UUID id) {
    return rows(client.select("waitlist", Map.of("select", "*", "id", "eq." + id), false), ENTRIES)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<PendingChange> pendingChange(UUID id) {
    return rows(
            client.select("pending_changes", Map.of("select", "*", "id", "eq." + id), false),
            new TypeReference<List<PendingChange>>() {})
        .stream()
        .findFirst();
  }

  @Override
  public Optional<StoredEntry> applyChange(UUID changeId, String version) {
    Map<String, Object> args = new HashMap<>();
    args.put("id", changeId);
    args.put("version", version);
    return rows(client.rpc("apply_pending_change", args), ENTRIES).stream().findFirst();
  }

  @Override
  public List<StoredEntry> applyChangesForPhone(String phone) {
    return rows(client.rpc("apply_pending_changes_for_phone", Map.of("phone", phone)), ENTRIES);
  }

  @Override
  public boolean removeEntry(UUID id) {
    return Boolean.parseBoolean(
        client.rpc("remove_waitlist_entry", Map.of("id", id)).body().trim());
  }

  private static final TypeReference<List<MessageRow>> MESSAGES = new TypeReference<>() {};
  private static final TypeReference<List<StoredEntry>> ENTRIES = new TypeReference<>() {};

  private <T> T rows(PostgrestResponse response, TypeReference<T> type) {
    try {
      return client.json().readValue(response.body(), type);
    } catch (JsonProcessingException e) {
      throw new StoreUnavailableException("PostgREST answered with unreadable JSON", false, e);
    }
  }

  /** An {@code sms_opt_outs} row. */
  record OptOutRow(String phone, boolean optedOut, String keyword, Instant changedAt) {}

  /** A {@code messages} row as PostgREST returns it. */
  record MessageRow(
      UUID id,
      String dedupeKey,
      UUID waitlistId,
      String channel,
      String purpose,
      String destination,
      String status,
      String providerId,
      String errorCode,
      String error,
      int attempts,
      Instant createdAt,
      Instant updatedAt) {

    MessageRecord record() {
      return new MessageRecord(
          id,
          dedupeKey,
          waitlistId,
          Channel.fromWire(channel),
          purpose,
          destination,
          status,
          providerId,
          errorCode,
          error,
          attempts,
          createdAt,
          updatedAt);
    }
  }
}
