package com.masseurmatch.waitlist.ivr.fallback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * PostgREST, Chat Completions and the bridge's readiness on one loopback port, hanging: every
 * request is held until {@link #release()}. Held requests are then answered {@code 503} (the
 * attempt the IVR gave up on fails); requests that arrive after the release are answered as
 * PostgREST does (an upsert returns its row), so what the outbox delivers can be read back.
 */
final class HangingStandIn implements AutoCloseable {

  /** One request: its method, path and body, and whether it came after the release. */
  record Received(String method, String path, String body, boolean afterRelease) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ObjectMapper json = new ObjectMapper();

  private HangingStandIn(HttpServer server) {
    this.server = server;
  }

  static HangingStandIn start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    HangingStandIn standIn = new HangingStandIn(server);
    server.setExecutor(standIn.threads);
    server.createContext("/", standIn::handle);
    server.start();
    return standIn;
  }

  int port() {
    return server.getAddress().getPort();
  }

  void release() {
    release.countDown();
  }

  boolean released() {
    return release.getCount() == 0;
  }

  /** Requests whose path starts with {@code prefix}, in arrival order. */
  List<Received> received(String prefix) {
    return received.stream().filter(r -> r.path().startsWith(prefix)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    boolean late = released();
    received.add(new Received(exchange.getRequestMethod(), path, body, late));
    if (!late) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reply(exchange, 503, "{\"message\":\"held until released\"}");
      return;
    }
    if (path.equals("/rest/v1/waitlist") && exchange.getRequestMethod().equals("POST")) {
      ObjectNode row = (ObjectNode) json.readTree(body);
      row.put("id", UUID.randomUUID().toString());
      row.put("created_at", Instant.now().toString());
      row.put("updated_at", Instant.now().toString());
      reply(exchange, 201, "[" + json.writeValueAsString(row) + "]");
    } else if (path.startsWith("/rest/v1/") && exchange.getRequestMethod().equals("POST")) {
      reply(exchange, 201, "[]");
    } else if (path.startsWith("/rest/v1/")) {
      reply(exchange, 200, "[]");
    } else {
      reply(exchange, 503, "{\"error\":{\"message\":\"unavailable\",\"type\":\"server_error\"}}");
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
