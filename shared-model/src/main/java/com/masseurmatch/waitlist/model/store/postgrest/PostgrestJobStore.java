package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.masseurmatch.waitlist.model.job.Job;
import com.masseurmatch.waitlist.model.job.JobStats;
import com.masseurmatch.waitlist.model.job.JobStore;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Jobs through the {@code jobs} functions of the Supabase migration ({@code /rest/v1/rpc/...}). */
final class PostgrestJobStore implements JobStore {

  static final String TABLE = "jobs";

  private final PostgrestClient client;

  PostgrestJobStore(PostgrestClient client) {
    this.client = client;
  }

  @Override
  public UUID enqueue(String kind, JsonNode payload, String dedupeKey, Instant runAt) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("kind", kind);
    if (payload != null) {
      args.put("payload", payload);
    }
    // a request retried after a lost answer must not add a second job
    args.put("dedupe_key", dedupeKey == null ? kind + ":" + UUID.randomUUID() : dedupeKey);
    if (runAt != null) {
      args.put("run_at", runAt.toString());
    }
    return read(client.rpc("enqueue_job", args).body(), new TypeReference<UUID>() {});
  }

  @Override
  public List<Job> claim(String worker, Collection<String> kinds, int maxJobs, Duration lease) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("worker", worker);
    args.put("kinds", List.copyOf(kinds));
    args.put("max_jobs", maxJobs);
    args.put("lease_seconds", Math.max(1, lease.toSeconds()));
    return read(client.rpc("claim_jobs", args).body(), new TypeReference<List<Job>>() {});
  }

  @Override
  public boolean complete(UUID id, String worker) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("id", id);
    args.put("worker", worker);
    return read(client.rpc("complete_job", args).body(), new TypeReference<Boolean>() {});
  }

  @Override
  public boolean fail(UUID id, String worker, String error, Instant retryAt) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("id", id);
    args.put("worker", worker);
    args.put("error", error == null ? "failed" : error);
    if (retryAt != null) {
      args.put("retry_at", retryAt.toString());
    }
    return read(client.rpc("fail_job", args).body(), new TypeReference<Boolean>() {});
  }

  @Override
  public boolean retry(UUID id) {
    return read(client.rpc("retry_job", Map.of("id", id)).body(), new TypeReference<Boolean>() {});
  }

  @Override
  public List<Job> dead(int limit) {
    PostgrestResponse response =
        client.select(
            TABLE,
            Map.of(
                "status",
                "eq." + Job.DEAD,
                "order",
                "updated_at.desc",
                "limit",
                Integer.toString(limit)),
            false);
    return read(response.body(), new TypeReference<List<Job>>() {});
  }

  @Override
  public JobStats stats() {
    List<JobStats> rows =
        read(client.rpc("job_stats", Map.of()).body(), new TypeReference<List<JobStats>>() {});
    return rows.isEmpty() ? new JobStats(0, 0, 0) : rows.get(0);
  }

  private <T> T read(String body, TypeReference<T> type) {
    try {
      T value = client.json().readValue(body, type);
      if (value == null) {
        throw new StoreUnavailableException(
            "PostgREST answered null for a job function", false, null);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new StoreUnavailableException("PostgREST answered with unreadable JSON", false, e);
    }
  }
}
