package com.masseurmatch.waitlist.sim.call;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.TimeUnit;

/**
 * A fake OpenAI Realtime server (GA events) that plays one signup: Knotty greets, the caller's turn
 * is transcribed, Knotty calls {@code save_waitlist_entry} with the caller's details, and after the
 * tool's output she confirms. Enough of the Realtime API (docs/protocols/openai-realtime.md) for
 * the bridge.
 */
final class SignupRealtimeServer implements AutoCloseable {

  static final String KEY = "sk-e2e-signup";
  static final String CALLER_SAID =
      "I'm Ann Lee, a massage therapist, ann.lee@example.com, 415 555 0100";

  private static final String AUDIO = "/".repeat(1064) + "//8="; // 800 bytes: 100 ms

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;

  SignupRealtimeServer() throws Exception {
    server =
        vertx
            .createHttpServer()
            .webSocketHandler(this::accept)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  String url() {
    return "ws://127.0.0.1:" + server.actualPort() + "/v1/realtime";
  }

  private void accept(ServerWebSocket ws) {
    if (!("Bearer " + KEY).equals(ws.headers().get("Authorization"))) {
      ws.reject(401);
      return;
    }
    int[] responses = {0};
    ws.textMessageHandler(
        text -> {
          if (text.contains("\"type\":\"session.update\"")) {
            ws.writeTextMessage("{\"type\":\"session.updated\",\"session\":{\"id\":\"sess_e2e\"}}");
          } else if (text.startsWith("{\"type\":\"response.create\"")) {
            respond(ws, ++responses[0]);
          }
        });
    ws.writeTextMessage(
        "{\"type\":\"session.created\",\"session\":{\"id\":\"sess_e2e\",\"model\":\"gpt-realtime\"}}");
  }

  private void respond(ServerWebSocket ws, int n) {
    String response = "resp_" + n;
    String item = "item_" + n;
    ws.writeTextMessage(
        "{\"type\":\"response.created\",\"response\":{\"id\":\"" + response + "\"}}");
    ws.writeTextMessage(
        "{\"type\":\"response.output_audio.delta\",\"response_id\":\""
            + response
            + "\",\"item_id\":\""
            + item
            + "\",\"output_index\":0,\"content_index\":0,\"delta\":\""
            + AUDIO
            + "\"}");
    ws.writeTextMessage(
        "{\"type\":\"response.output_audio.done\",\"response_id\":\""
            + response
            + "\",\"item_id\":\""
            + item
            + "\"}");
    String said =
        n == 1
            ? "Hi, I'm Knotty. Who am I speaking with?"
            : "You're on the MasseurMatch waitlist, Ann. Goodbye!";
    ws.writeTextMessage(
        "{\"type\":\"response.output_audio_transcript.done\",\"item_id\":\""
            + item
            + "\",\"transcript\":\""
            + said
            + "\"}");
    if (n == 1) {
      // the caller talks over the greeting: the bridge must clear Twilio's queued audio
      ws.writeTextMessage(
          "{\"type\":\"input_audio_buffer.speech_started\",\"audio_start_ms\":40,"
              + "\"item_id\":\"item_caller\"}");
      ws.writeTextMessage(
          "{\"type\":\"input_audio_buffer.speech_stopped\",\"audio_end_ms\":900,"
              + "\"item_id\":\"item_caller\"}");
      ws.writeTextMessage(
          "{\"type\":\"conversation.item.input_audio_transcription.completed\","
              + "\"item_id\":\"item_caller\",\"transcript\":\""
              + CALLER_SAID
              + "\"}");
      ws.writeTextMessage(
          "{\"type\":\"response.output_item.done\",\"response_id\":\""
              + response
              + "\",\"item\":{\"id\":\"item_fc\",\"type\":\"function_call\",\"status\":"
              + "\"completed\",\"name\":\"save_waitlist_entry\",\"call_id\":\"call_1\","
              + "\"arguments\":\"{\\\"full_name\\\":\\\"Ann Lee\\\",\\\"phone\\\":\\\"415 555"
              + " 0100\\\",\\\"email\\\":\\\"ann.lee@example.com\\\",\\\"role\\\":"
              + "\\\"therapist\\\"}\"}}");
    }
    ws.writeTextMessage(
        "{\"type\":\"response.done\",\"response\":{\"id\":\""
            + response
            + "\",\"status\":\"completed\",\"usage\":{\"total_tokens\":30,\"input_tokens\":10,"
            + "\"output_tokens\":20}}}");
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
