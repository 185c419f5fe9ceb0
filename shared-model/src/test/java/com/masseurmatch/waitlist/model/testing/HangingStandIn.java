package com.masseurmatch.waitlist.model.testing;

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
 * PostgREST, Chat Completions and the bridge's readiness on one loopback port, which can be made to
 * hang. Until {@link #hang()} it answers as PostgREST does (an upsert returns its row, reads find
 * nothing; other APIs answer 503). After {@link #hang()} every request is held until {@link
 * #release()}; held requests are then answered {@code 503}, so an attempt the caller gave up on
 * fails, and later requests are answered normally again, so what is delivered afterwards can be
 * read back from {@link #received}.
 */
public final class HangingStandIn implements AutoCloseable {

  /** One request: its method, path and body, and whether it arrived while the stand-in hung. */
  public record Received(String method, String path, String body, boolean held) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch gate;

  private HangingStandIn(HttpServer server) {
    this.server = server;
  }

  /** A stand-in on a free loopback port, answering normally until {@link #hang()}. */
  public static HangingStandIn start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    HangingStandIn standIn = new HangingStandIn(server);
    server.setExecutor(standIn.threads);
    server.createContext("/", standIn::handle);
    server.start();
    return standIn;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:port}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** From now on every request is held until {@link #release()}. */
  public void hang() {
    gate = new CountDownLatch(1);
  }

  public void release() {
    CountDownLatch current = gate;
    if (current != null) {
      current.countDown();
    }
  }

  /** Whether requests are being held now. */
  public boolean hanging() {
    CountDownLatch current = gate;
    return current != null && current.getCount() > 0;
  }

  /** Requests whose path starts with {@code prefix}, in arrival order. */
  public List<Received> received(String prefix) {
    return received.stream().filter(r -> r.path().startsWith(prefix)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    CountDownLatch current = gate;
    boolean held = current != null && current.getCount() > 0;
    received.add(new Received(method, path, body, held));
    if (held) {
      try {
        current.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reply(exchange, 503, "{\"code\":null,\"message\":\"held until released\"}");
      return;
    }
    if (path.equals("/rest/v1/rpc/submit_waitlist_entry") && method.equals("POST")) {
      // the public channels' save
      reply(exchange, 200, "[{\"id\":\"" + UUID.randomUUID() + "\",\"outcome\":\"created\"}]");
    } else if (path.equals("/rest/v1/waitlist") && method.equals("POST")) {
      String now = Instant.now().toString();
      String row =
          "{\"id\":\""
              + UUID.randomUUID()
              + "\",\"created_at\":\""
              + now
              + "\",\"updated_at\":\""
              + now
              + "\","
              + body.strip().substring(1);
      reply(exchange, 201, "[" + row + "]");
    } else if (path.startsWith("/rest/v1/") && method.equals("POST")) {
      reply(exchange, 201, "[]");
    } else if (path.startsWith("/rest/v1/")) {
      exchange.getResponseHeaders().add("Content-Range", "*/0");
      reply(exchange, 200, "[]");
    } else {
      reply(exchange, 503, "{\"error\":{\"message\":\"unavailable\",\"type\":\"server_error\"}}");
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
