package com.masseurmatch.waitlist.sim.openai;

import com.masseurmatch.waitlist.sim.Args;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake OpenAI Realtime server (GA event names) for load: it upgrades {@code /v1/realtime} with a
 * bearer key (HTTP 401 otherwise), sends {@code session.created} at once, answers {@code
 * session.update} with {@code session.updated}, answers {@code response.create} with one short
 * greeting and {@code response.done}, and answers every {@code input_audio_buffer.append} at once
 * with a {@code response.output_audio.delta} carrying the same audio. Unlike the real service it
 * never runs voice detection: every caller frame comes straight back, the worst case for the
 * bridge.
 */
public final class EchoRealtimeServer implements AutoCloseable {

  /** The key the bridge is given; any other is refused like OpenAI refuses a bad key. */
  public static final String API_KEY = "sk-bench-local";

  private static final String APPEND = "{\"type\":\"input_audio_buffer.append\"";
  private static final String AUDIO_FIELD = "\"audio\":\"";

  /** 20 ms of u-law silence. */
  private static final String GREETING = "/".repeat(212) + "/w==";

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final HttpServer server;
  private final AtomicLong sessions = new AtomicLong();
  private final AtomicLong echoed = new AtomicLong();

  private EchoRealtimeServer(Vertx vertx, boolean ownsVertx, HttpServer server) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.server = server;
  }

  /** Listens on 127.0.0.1 on its own event loop; port 0 picks a free one. */
  public static EchoRealtimeServer start(int port) throws Exception {
    return start(
        Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true)),
        true,
        port);
  }

  /** Listens on 127.0.0.1 on the given Vert.x, which the caller keeps and closes. */
  public static EchoRealtimeServer start(Vertx vertx, int port) throws Exception {
    return start(vertx, false, port);
  }

  private static EchoRealtimeServer start(Vertx vertx, boolean ownsVertx, int port)
      throws Exception {
    EchoRealtimeServer[] holder = new EchoRealtimeServer[1];
    HttpServer server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setMaxWebSocketMessageSize(16 * 1024 * 1024)
                .setTcpNoDelay(true));
    server.webSocketHandler(ws -> holder[0].accept(ws));
    server.requestHandler(
        request -> request.response().setStatusCode(404).end("{\"error\":\"not found\"}"));
    holder[0] = new EchoRealtimeServer(vertx, ownsVertx, server);
    server
        .listen(port, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    return holder[0];
  }

  public int port() {
    return server.actualPort();
  }

  public String url() {
    return "ws://127.0.0.1:" + port() + "/v1/realtime";
  }

  public long sessions() {
    return sessions.get();
  }

  public long echoed() {
    return echoed.get();
  }

  private void accept(ServerWebSocket ws) {
    if (!ws.path().startsWith("/v1/realtime")) {
      ws.reject(404);
      return;
    }
    if (!("Bearer " + API_KEY).equals(ws.headers().get("Authorization"))) {
      ws.reject(401);
      return;
    }
    long session = sessions.incrementAndGet();
    Conversation conversation = new Conversation(ws, session);
    ws.textMessageHandler(conversation::onEvent);
    ws.writeTextMessage(
        "{\"type\":\"session.created\",\"event_id\":\"event_"
            + session
            + "_0\",\"session\":{\"type\":\"realtime\",\"object\":\"realtime.session\",\"id\":\"sess_"
            + session
            + "\",\"model\":\"gpt-realtime\"}}");
  }

  /** One socket's state: the ids its events carry. */
  private final class Conversation {
    private final ServerWebSocket ws;
    private final long session;
    private final String echoPrefix;
    private int responses;

    Conversation(ServerWebSocket ws, long session) {
      this.ws = ws;
      this.session = session;
      this.echoPrefix =
          "{\"type\":\"response.output_audio.delta\",\"event_id\":\"event_echo\",\"response_id\":"
              + "\"resp_echo_"
              + session
              + "\",\"item_id\":\"item_echo_"
              + session
              + "\",\"output_index\":0,\"content_index\":0,\"delta\":\"";
    }

    void onEvent(String text) {
      if (text.startsWith(APPEND)) {
        int from = text.indexOf(AUDIO_FIELD);
        if (from > 0) {
          from += AUDIO_FIELD.length();
          int to = text.indexOf('"', from);
          echoed.incrementAndGet();
          ws.writeTextMessage(
              new StringBuilder(echoPrefix.length() + (to - from) + 2)
                  .append(echoPrefix)
                  .append(text, from, to)
                  .append("\"}")
                  .toString());
        }
      } else if (text.contains("\"type\":\"session.update\"")) {
        ws.writeTextMessage(
            "{\"type\":\"session.updated\",\"event_id\":\"event_su\",\"session\":{\"type\":"
                + "\"realtime\",\"object\":\"realtime.session\",\"id\":\"sess_"
                + session
                + "\",\"model\":\"gpt-realtime\"}}");
      } else if (text.contains("\"type\":\"response.create\"")) {
        greet();
      }
    }

    private void greet() {
      String response = "resp_" + session + "_" + (++responses);
      String item = "item_" + session + "_" + responses;
      ws.writeTextMessage(
          "{\"type\":\"response.created\",\"event_id\":\"event_rc\",\"response\":{\"id\":\""
              + response
              + "\",\"object\":\"realtime.response\",\"status\":\"in_progress\",\"output\":[]}}");
      ws.writeTextMessage(
          "{\"type\":\"response.output_audio.delta\",\"event_id\":\"event_g\",\"response_id\":\""
              + response
              + "\",\"item_id\":\""
              + item
              + "\",\"output_index\":0,\"content_index\":0,\"delta\":\""
              + GREETING
              + "\"}");
      ws.writeTextMessage(
          "{\"type\":\"response.done\",\"event_id\":\"event_rd\",\"response\":{\"id\":\""
              + response
              + "\",\"object\":\"realtime.response\",\"status\":\"completed\",\"output\":[],"
              + "\"usage\":{\"total_tokens\":30,\"input_tokens\":10,\"output_tokens\":20,"
              + "\"input_token_details\":{\"text_tokens\":10,\"audio_tokens\":0},"
              + "\"output_token_details\":{\"text_tokens\":0,\"audio_tokens\":20}}}}");
    }
  }

  @Override
  public void close() throws Exception {
    if (!ownsVertx) {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      return;
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** {@code bin/bench fake-openai --port 8090}: runs until killed. */
  public static int runAlone(Args args) throws Exception {
    int port = args.integer("port", 8090);
    args.rejectUnknown();
    EchoRealtimeServer server = start(port);
    System.out.println(
        "fake OpenAI Realtime (echo) on "
            + server.url()
            + "; give the bridge OPENAI_REALTIME_URL="
            + server.url()
            + " OPENAI_API_KEY="
            + API_KEY);
    new CountDownLatch(1).await();
    return 0;
  }
}
