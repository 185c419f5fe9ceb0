package com.masseurmatch.waitlist.ivr.voice;

import com.masseurmatch.waitlist.ivr.config.IvrConfig;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the realtime bridge whether it is ready (its readiness probe), with a short timeout, and
 * reuses the answer for a few seconds so that a burst of calls costs one probe. Blocking.
 */
@Singleton
public class BridgeProbe {

  private final Optional<URI> healthUrl;
  private final Duration timeout;
  private final long cacheNanos;
  private final HttpClient client;
  private volatile Result last;

  BridgeProbe(IvrConfig config) {
    this.healthUrl =
        config
            .realtime()
            .healthUrl()
            .or(() -> config.realtime().websocketUrl().map(BridgeProbe::derive));
    this.timeout = config.realtime().probeTimeout();
    this.cacheNanos = config.realtime().probeCache().toNanos();
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  /**
   * {@code wss://bridge.example.org} becomes {@code https://bridge.example.org/api/health/ready},
   * the bridge's readiness on its public port.
   */
  static URI derive(URI websocket) {
    String scheme = "wss".equals(websocket.getScheme()) ? "https" : "http";
    String path =
        websocket.getRawPath() == null ? "" : websocket.getRawPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + websocket.getRawAuthority() + path + "/api/health/ready");
  }

  public boolean ready() {
    Result cached = last;
    long now = System.nanoTime();
    if (cached != null && now - cached.at() < cacheNanos) {
      return cached.ready();
    }
    boolean ready = probe();
    last = new Result(ready, now);
    return ready;
  }

  private boolean probe() {
    if (healthUrl.isEmpty()) {
      return false;
    }
    try {
      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(healthUrl.get()).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        Log.warnf("realtime bridge is not ready (HTTP %d)", response.statusCode());
      }
      return response.statusCode() == 200;
    } catch (java.io.IOException e) {
      Log.warnf("realtime bridge probe failed: %s", e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private record Result(boolean ready, long at) {}
}
