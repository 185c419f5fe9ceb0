package com.masseurmatch.waitlist.bridge.openai;

import com.masseurmatch.waitlist.bridge.config.OpenAiConfig;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens one OpenAI Realtime socket per call: {@code OPENAI_REALTIME_URL?model=...} with a bearer
 * key, or an {@code api-key} header for Azure OpenAI hosts. All calls share one Vert.x WebSocket
 * client: a client per socket (what websockets-next's connector makes) costs a connection pool, a
 * close hook and their garbage for every call set-up. The bridge's admission limit bounds the
 * sockets, so the client does not. Callbacks run on the event loop of the thread that connected.
 */
@ApplicationScoped
public class RealtimeConnector {

  /** OpenAI's events are small; a session's echo with long instructions is the largest. */
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private final WebSocketClient client;
  private final URI url;
  private final Optional<String> key;
  private final String model;
  private final Duration connectTimeout;
  private final boolean ownsClient;

  @Inject
  RealtimeConnector(OpenAiConfig config, Vertx vertx) {
    this(
        vertx.createWebSocketClient(options(config.connectTimeout())),
        config.realtimeUrl(),
        config.apiKey(),
        config.realtimeModel(),
        config.connectTimeout(),
        true);
  }

  RealtimeConnector(
      WebSocketClient client,
      URI url,
      Optional<String> key,
      String model,
      Duration connectTimeout,
      boolean ownsClient) {
    this.client = client;
    this.url = url;
    this.key = key;
    this.model = model;
    this.connectTimeout = connectTimeout;
    this.ownsClient = ownsClient;
  }

  /** The same connector aimed at another server: the start-up warm-up's loopback echo. */
  public RealtimeConnector aimedAt(URI url, String key) {
    return new RealtimeConnector(client, url, Optional.of(key), model, connectTimeout, false);
  }

  /** The same connector for sessions on another model: an experiment variant's. */
  public RealtimeConnector withModel(String other) {
    return other.equals(model)
        ? this
        : new RealtimeConnector(client, url, key, other, connectTimeout, false);
  }

  public boolean configured() {
    return key.isPresent();
  }

  /** What the socket reports back to its call. */
  public interface Listener {
    void onText(WebSocket socket, String text);

    /** {@code code} is 1006 when the socket closed without a close frame. */
    void onClose(WebSocket socket, int code, String reason);
  }

  /**
   * Completes once the handshake is done, with the listener receiving the socket's messages; no
   * message reaches it before the returned future's own callbacks have run.
   */
  public Future<WebSocket> connect(Listener listener) {
    String key = this.key.orElseThrow(() -> new IllegalStateException("no OPENAI_API_KEY"));
    WebSocketConnectOptions options = connectOptions(url, model);
    options.setTimeout(connectTimeout.toMillis());
    if (isAzure(url)) {
      options.addHeader("api-key", key);
    } else {
      options.addHeader("Authorization", "Bearer " + key);
    }
    // the socket comes back paused: handlers first, then messages
    return client
        .connect(options)
        .map(
            socket -> {
              socket.textMessageHandler(text -> listener.onText(socket, text));
              socket.exceptionHandler(e -> Log.debugf("OpenAI socket error: %s", e.toString()));
              socket.closeHandler(
                  ignored -> {
                    Short code = socket.closeStatusCode();
                    listener.onClose(socket, code == null ? 1006 : code, socket.closeReason());
                  });
              socket.resume();
              return socket;
            });
  }

  /** Host, port, TLS and {@code path?query&model=...} of one connection to {@code url}. */
  static WebSocketConnectOptions connectOptions(URI url, String model) {
    boolean secure = "wss".equals(url.getScheme()) || "https".equals(url.getScheme());
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String query = "model=" + URLEncoder.encode(model, StandardCharsets.UTF_8);
    if (url.getRawQuery() != null && !url.getRawQuery().isEmpty()) {
      query = url.getRawQuery() + "&" + query;
    }
    int port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
    return new WebSocketConnectOptions()
        .setHost(url.getHost())
        .setPort(port)
        .setSsl(secure)
        .setURI(path + "?" + query);
  }

  /** TLS as the JVM has it: its trust store, host names verified, SNI for host names. */
  static WebSocketClientOptions options(Duration connectTimeout) {
    return new WebSocketClientOptions()
        .setConnectTimeout((int) connectTimeout.toMillis())
        .setMaxConnections(Integer.MAX_VALUE)
        .setMaxMessageSize(MAX_MESSAGE_BYTES)
        .setMaxFrameSize(MAX_MESSAGE_BYTES);
  }

  @PreDestroy
  void close() {
    if (ownsClient) {
      client.close();
    }
  }

  static boolean isAzure(URI url) {
    String host = url.getHost() == null ? "" : url.getHost();
    return host.endsWith(".openai.azure.com") || host.endsWith(".cognitiveservices.azure.com");
  }
}
