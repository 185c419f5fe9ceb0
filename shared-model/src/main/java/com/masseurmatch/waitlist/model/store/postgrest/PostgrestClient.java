package com.masseurmatch.waitlist.model.store.postgrest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import com.masseurmatch.waitlist.model.store.SupabaseConfig;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one place that talks to PostgREST: sends the key, applies timeouts, retries what is safe to
 * retry (network errors, 502, 503, 504; every call here is idempotent) with exponential backoff,
 * and turns error answers into {@link StoreRejectedException} or {@link StoreUnavailableException}.
 */
public final class PostgrestClient {

  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(502, 503, 504);
  private static final String UPSERT_PREFER = "resolution=merge-duplicates,return=representation";
  private static final String UPSERT_MINIMAL = "resolution=merge-duplicates,return=minimal";

  private final PostgrestApi api;
  private final ObjectMapper json;
  private final Guard retry;

  public PostgrestClient(SupabaseConfig config, ObjectMapper json) {
    URI url = config.url().orElseThrow(() -> new IllegalStateException("SUPABASE_URL is not set"));
    String key =
        config
            .serviceRoleKey()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "SUPABASE_SERVICE_ROLE_KEY is required when SUPABASE_URL is set"));
    this.api =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(url)
            .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .disableDefaultMapper(true)
            .register(new PostgrestAuthFilter(key))
            .build(PostgrestApi.class);
    this.json = json;
    long delay = config.retryDelay().toMillis();
    this.retry =
        Guard.create()
            .withDescription("postgrest")
            .withRetry()
            .maxRetries(Math.max(0, config.maxAttempts() - 1))
            .delay(delay, ChronoUnit.MILLIS)
            .jitter(delay / 4, ChronoUnit.MILLIS)
            .whenException(e -> e instanceof StoreUnavailableException u && u.isRetryable())
            .beforeRetry(e -> Log.warnf("PostgREST request failed (%s); retrying", e.getMessage()))
            .withExponentialBackoff()
            .factor(2)
            .maxDelay(delay * 8, ChronoUnit.MILLIS)
            .done()
            .done()
            .build();
  }

  /** {@code POST /rest/v1/{table}?on_conflict=...} merging duplicates; returns the stored rows. */
  PostgrestResponse upsertReturning(String table, String onConflict, Object row) {
    String body = write(row);
    return call(() -> api.upsert(table, onConflict, UPSERT_PREFER, body));
  }

  /** The same upsert without a body in the answer. */
  void upsertMinimal(String table, String onConflict, Object row) {
    String body = write(row);
    call(() -> api.upsert(table, onConflict, UPSERT_MINIMAL, body));
  }

  /** {@code GET /rest/v1/{table}?...}; with {@code exactCount} the total is in Content-Range. */
  PostgrestResponse select(String table, Map<String, String> query, boolean exactCount) {
    return call(() -> api.select(table, query, exactCount ? "count=exact" : null));
  }

  /** {@code POST /rest/v1/rpc/{function}} with named arguments. */
  PostgrestResponse rpc(String function, Map<String, Object> args) {
    String body = write(args);
    return call(() -> api.rpc(function, body));
  }

  /**
   * {@code POST /rest/v1/rpc/{function}?...} for a function that returns rows, which PostgREST
   * orders, pages and (with {@code exactCount}) counts like a table.
   */
  PostgrestResponse rpcSelect(
      String function, Map<String, Object> args, Map<String, String> query, boolean exactCount) {
    String body = write(args);
    return call(() -> api.rpcSelect(function, query, exactCount ? "count=exact" : null, body));
  }

  ObjectMapper json() {
    return json;
  }

  private PostgrestResponse call(Supplier<Response> request) {
    return retry.get(() -> once(request), PostgrestResponse.class);
  }

  private PostgrestResponse once(Supplier<Response> request) {
    Response response;
    try {
      response = request.get();
    } catch (ProcessingException e) {
      throw new StoreUnavailableException("PostgREST unreachable: " + rootMessage(e), true, e);
    }
    try (response) {
      int status = response.getStatus();
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      if (status >= 200 && status < 300) {
        return new PostgrestResponse(status, body, response.getHeaderString("Content-Range"));
      }
      throw toException(status, body);
    }
  }

  private RuntimeException toException(int status, String body) {
    PostgrestError error = parseError(body);
    String message =
        "PostgREST answered "
            + status
            + (error.code() == null ? "" : " " + error.code())
            + (error.message() == null ? "" : ": " + Masking.text(error.message()));
    if (status >= 500 || status == 429 || status == 408) {
      boolean retryable = RETRYABLE_STATUSES.contains(status) || transientCode(error.code());
      return new StoreUnavailableException(message, retryable, null);
    }
    return new StoreRejectedException(status, error.code(), message, null);
  }

  /** Connection-pool, serialization and deadlock failures: the same request may succeed again. */
  private static boolean transientCode(String code) {
    return code != null
        && (code.equals("40001")
            || code.equals("40P01")
            || code.matches("PGRST00[0-3]")
            || code.startsWith("08"));
  }

  private PostgrestError parseError(String body) {
    if (body == null || body.isBlank()) {
      return new PostgrestError(null, null, null, null);
    }
    try {
      return json.readValue(body, PostgrestError.class);
    } catch (JsonProcessingException e) {
      // gateway errors (Cloudflare, a proxy) are not PostgREST-shaped
      String text = body.length() > 200 ? body.substring(0, 200) : body;
      return new PostgrestError(null, text, null, null);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : " " + root.getMessage());
  }
}
