package com.masseurmatch.waitlist.bridge.openai;

import com.masseurmatch.waitlist.bridge.config.OpenAiConfig;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Opens one fresh OpenAI Realtime socket per call: {@code OPENAI_REALTIME_URL?model=...} with a
 * bearer key, or an {@code api-key} header for Azure OpenAI hosts. Callbacks run on the event loop.
 */
@ApplicationScoped
public class RealtimeConnector {

  private final OpenAiConfig config;
  private final URI url;
  private final Optional<String> key;

  @Inject
  RealtimeConnector(OpenAiConfig config) {
    this(config, config.realtimeUrl(), config.apiKey());
  }

  private RealtimeConnector(OpenAiConfig config, URI url, Optional<String> key) {
    this.config = config;
    this.url = url;
    this.key = key;
  }

  /** The same connector aimed at another server: the start-up warm-up's loopback echo. */
  public RealtimeConnector aimedAt(URI url, String key) {
    return new RealtimeConnector(config, url, Optional.of(key));
  }

  public boolean configured() {
    return key.isPresent();
  }

  /** What the socket reports back to its call. */
  public interface Listener {
    void onText(WebSocketClientConnection connection, String text);

    void onClose(WebSocketClientConnection connection, CloseReason reason);
  }

  public Uni<WebSocketClientConnection> connect(Listener listener) {
    String key = this.key.orElseThrow(() -> new IllegalStateException("no OPENAI_API_KEY"));
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String query = "model=" + URLEncoder.encode(config.realtimeModel(), StandardCharsets.UTF_8);
    if (url.getRawQuery() != null && !url.getRawQuery().isEmpty()) {
      query = url.getRawQuery() + "&" + query;
    }
    String pathAndQuery = path + "?" + query;
    URI base = URI.create(url.getScheme() + "://" + url.getRawAuthority());
    // a fresh connector per connection: connectors are not thread-safe
    BasicWebSocketConnector connector =
        BasicWebSocketConnector.create()
            .baseUri(base)
            .path(pathAndQuery)
            .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
            .customizeOptions(
                (connect, client) -> {
                  connect.setURI(pathAndQuery);
                  connect.setTimeout(config.connectTimeout().toMillis());
                  client.setConnectTimeout((int) config.connectTimeout().toMillis());
                  client.setMaxMessageSize(16 * 1024 * 1024);
                })
            .onTextMessage(listener::onText)
            .onClose(listener::onClose);
    connector =
        isAzure(url)
            ? connector.addHeader("api-key", key)
            : connector.addHeader("Authorization", "Bearer " + key);
    return connector.connect();
  }

  static boolean isAzure(URI url) {
    String host = url.getHost() == null ? "" : url.getHost();
    return host.endsWith(".openai.azure.com") || host.endsWith(".cognitiveservices.azure.com");
  }
}
