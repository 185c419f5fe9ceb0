package com.masseurmatch.waitlist.bridge.openai;

import com.masseurmatch.waitlist.bridge.config.OpenAiConfig;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Opens one fresh OpenAI Realtime socket per call: {@code OPENAI_REALTIME_URL?model=...} with a
 * bearer key, or an {@code api-key} header for Azure OpenAI hosts. Callbacks run on the event loop.
 */
@ApplicationScoped
public class RealtimeConnector {

  private final OpenAiConfig config;

  RealtimeConnector(OpenAiConfig config) {
    this.config = config;
  }

  public boolean configured() {
    return config.apiKey().isPresent();
  }

  /** What the socket reports back to its call. */
  public interface Listener {
    void onText(WebSocketClientConnection connection, String text);

    void onClose(WebSocketClientConnection connection, CloseReason reason);
  }

  public Uni<WebSocketClientConnection> connect(Listener listener) {
    URI url = config.realtimeUrl();
    String key = config.apiKey().orElseThrow(() -> new IllegalStateException("no OPENAI_API_KEY"));
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
