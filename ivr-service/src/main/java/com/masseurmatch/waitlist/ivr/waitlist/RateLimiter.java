package com.masseurmatch.waitlist.ivr.waitlist;

import com.masseurmatch.waitlist.ivr.config.WaitlistApiConfig;
import jakarta.inject.Singleton;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed-window limit per client: at most N signups per window. Memory is bounded: windows that
 * have ended are dropped, and past {@link #MAX_CLIENTS} clients the oldest go first.
 */
@Singleton
public class RateLimiter {

  static final int MAX_CLIENTS = 100_000;

  private final int limit;
  private final long windowNanos;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  RateLimiter(WaitlistApiConfig config) {
    this.limit = config.rateLimitRequests();
    this.windowNanos = config.rateLimitWindow().toNanos();
  }

  /** Zero when the request may go ahead, otherwise the seconds until it may be retried. */
  public long acquire(String client, long nowNanos) {
    if (windows.size() > MAX_CLIENTS) {
      evict(nowNanos);
    }
    Window window =
        windows.compute(
            client,
            (key, current) ->
                current == null || nowNanos - current.start() >= windowNanos
                    ? new Window(nowNanos, 1)
                    : new Window(current.start(), current.count() + 1));
    if (window.count() <= limit) {
      return 0;
    }
    long remaining = windowNanos - (nowNanos - window.start());
    return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
  }

  private void evict(long nowNanos) {
    windows.values().removeIf(w -> nowNanos - w.start() >= windowNanos);
    Iterator<String> keys = windows.keySet().iterator();
    while (windows.size() > MAX_CLIENTS && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }

  private record Window(long start, int count) {}
}
