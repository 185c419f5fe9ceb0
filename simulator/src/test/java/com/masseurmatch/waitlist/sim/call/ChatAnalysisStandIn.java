package com.masseurmatch.waitlist.sim.call;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * OpenAI Chat Completions on loopback for the post-call analysis: with the bearer key, a request
 * asking for a strict {@code json_schema} answer gets one that matches the analysis' schema;
 * anything else gets OpenAI's error shape.
 */
final class ChatAnalysisStandIn implements AutoCloseable {

  static final String API_KEY = "sk-e2e-analysis";

  static final String ANALYSIS =
      "{\\\"summary\\\": \\\"Ann joined the waitlist as a therapist. The call went smoothly.\\\","
          + " \\\"sentiment\\\": 0.6, \\\"satisfaction\\\": 4, \\\"outcome_reason\\\":"
          + " \\\"signed_up\\\", \\\"follow_up\\\": false, \\\"follow_up_reason\\\": null,"
          + " \\\"language\\\": \\\"en\\\"}";

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  ChatAnalysisStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  /** The base URL, as {@code OPENAI_BASE_URL}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, error("invalid_request_error", "invalid_api_key"));
        return;
      }
      if (!body.replace(" ", "").contains("\"type\":\"json_schema\"")
          || !body.replace(" ", "").contains("\"strict\":true")) {
        send(exchange, 400, error("invalid_request_error", "invalid_response_format"));
        return;
      }
      requests.add(body);
      send(
          exchange,
          200,
          """
          {"id": "chatcmpl-e2e", "object": "chat.completion", "created": 1765000000,
           "model": "gpt-4o-mini-2024-07-18", "choices": [{"index": 0, "message": {"role":
           "assistant", "content": "%s", "refusal": null}, "finish_reason": "stop"}],
           "usage": {"prompt_tokens": 420, "completion_tokens": 60, "total_tokens": 480}}"""
              .formatted(ANALYSIS));
    }
  }

  private static String error(String type, String code) {
    return """
        {"error": {"message": "refused by the stand-in", "type": "%s", "param": null,
         "code": "%s"}}"""
        .formatted(type, code);
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
