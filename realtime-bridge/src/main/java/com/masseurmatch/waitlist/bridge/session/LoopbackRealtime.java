package com.masseurmatch.waitlist.bridge.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;

/**
 * A stand-in for OpenAI Realtime on 127.0.0.1, used only by the start-up warm-up: {@code
 * session.created} at once, {@code session.updated}, an empty reply to {@code response.create}, and
 * each {@code input_audio_buffer.append} echoed as an audio delta, so the warm-up's synthetic calls
 * run the same per-frame code as real ones.
 */
final class LoopbackRealtime {

  static final String KEY = "warmup-loopback";

  private static final String APPEND = "{\"type\":\"input_audio_buffer.append\",\"audio\":\"";

  private final HttpServer server;

  private LoopbackRealtime(HttpServer server) {
    this.server = server;
  }

  static Future<LoopbackRealtime> start(Vertx vertx) {
    HttpServer server = vertx.createHttpServer();
    server.webSocketHandler(LoopbackRealtime::accept);
    server.requestHandler(request -> request.response().setStatusCode(404).end());
    return server.listen(0, "127.0.0.1").map(LoopbackRealtime::new);
  }

  String url() {
    return "ws://127.0.0.1:" + server.actualPort() + "/v1/realtime";
  }

  Future<Void> close() {
    return server.close();
  }

  private static void accept(ServerWebSocket ws) {
    if (!("Bearer " + KEY).equals(ws.headers().get("Authorization"))) {
      ws.reject(401);
      return;
    }
    ws.textMessageHandler(
        text -> {
          if (text.startsWith(APPEND)) {
            int to = text.indexOf('"', APPEND.length());
            ws.writeTextMessage(
                "{\"type\":\"response.output_audio.delta\",\"response_id\":\"resp_warmup\","
                    + "\"item_id\":\"item_warmup\",\"output_index\":0,\"content_index\":0,"
                    + "\"delta\":\""
                    + text.substring(APPEND.length(), to)
                    + "\"}");
          } else if (text.contains("\"type\":\"session.update\"")) {
            ws.writeTextMessage(
                "{\"type\":\"session.updated\",\"session\":{\"id\":\"sess_warmup\"}}");
          } else if (text.contains("\"type\":\"response.create\"")) {
            ws.writeTextMessage("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_w\"}}");
            ws.writeTextMessage(
                "{\"type\":\"response.done\",\"response\":{\"id\":\"resp_w\",\"status\":\"completed\"}}");
          }
        });
    ws.writeTextMessage(
        "{\"type\":\"session.created\",\"session\":{\"id\":\"sess_warmup\",\"model\":\"warmup\"}}");
  }
}
