package com.masseurmatch.waitlist.bridge.warmup;

import com.masseurmatch.waitlist.bridge.openai.RealtimeServerFrames;
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

  private final HttpServer server;

  private LoopbackRealtime(HttpServer server) {
    this.server = server;
  }

  static Future<LoopbackRealtime> start(Vertx vertx, RealtimeServerFrames frames) {
    HttpServer server = vertx.createHttpServer();
    server.webSocketHandler(ws -> accept(ws, frames));
    server.requestHandler(request -> request.response().setStatusCode(404).end());
    return server.listen(0, "127.0.0.1").map(LoopbackRealtime::new);
  }

  String url() {
    return "ws://127.0.0.1:" + server.actualPort() + "/v1/realtime";
  }

  Future<Void> close() {
    return server.close();
  }

  private static void accept(ServerWebSocket ws, RealtimeServerFrames frames) {
    if (!("Bearer " + KEY).equals(ws.headers().get("Authorization"))) {
      ws.reject(401);
      return;
    }
    ws.textMessageHandler(
        text -> {
          RealtimeServerFrames.ClientEvent event = frames.read(text);
          if (event.type() == null) {
            return;
          }
          switch (event.type()) {
            case "input_audio_buffer.append" ->
                ws.writeTextMessage(frames.audioDelta("resp_warmup", "item_warmup", event.audio()));
            case "session.update" -> ws.writeTextMessage(frames.sessionUpdated("sess_warmup"));
            case "response.create" -> {
              ws.writeTextMessage(frames.responseCreated("resp_w"));
              ws.writeTextMessage(frames.responseDone("resp_w"));
            }
            default -> {}
          }
        });
    ws.writeTextMessage(frames.sessionCreated("sess_warmup"));
  }
}
