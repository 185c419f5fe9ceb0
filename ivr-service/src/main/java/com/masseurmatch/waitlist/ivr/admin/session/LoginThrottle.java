package com.masseurmatch.waitlist.ivr.admin.session;

import com.masseurmatch.waitlist.ivr.config.AdminConfig;
import jakarta.inject.Singleton;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed console sign-ins per client (IP address): past the limit within the window, further
 * attempts are refused until the window ends, right token or not. Memory is bounded.
 */
@Singleton
public class LoginThrottle {

  static final int MAX_CLIENTS = 10_000;

  private final int limit;
  private final long windowNanos;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(AdminConfig config) {
    this.limit = config.console().loginAttempts();
    this.windowNanos = config.console().loginWindow().toNanos();
  }

  /** Zero when the client may try, otherwise the seconds until it may try again. */
  public long retryAfter(String client, long nowNanos) {
    Failures current = failures.get(client);
    if (current == null || nowNanos - current.start() >= windowNanos || current.count() < limit) {
      return 0;
    }
    long remaining = windowNanos - (nowNanos - current.start());
    return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
  }

  /** Counts a failed sign-in. */
  public void failed(String client, long nowNanos) {
    if (failures.size() > MAX_CLIENTS) {
      failures.values().removeIf(f -> nowNanos - f.start() >= windowNanos);
      Iterator<String> keys = failures.keySet().iterator();
      while (failures.size() > MAX_CLIENTS && keys.hasNext()) {
        keys.next();
        keys.remove();
      }
    }
    failures.compute(
        client,
        (key, f) ->
            f == null || nowNanos - f.start() >= windowNanos
                ? new Failures(nowNanos, 1)
                : new Failures(f.start(), f.count() + 1));
  }

  /** A successful sign-in forgets the client's failures. */
  public void succeeded(String client) {
    failures.remove(client);
  }

  private record Failures(long start, int count) {}
}
