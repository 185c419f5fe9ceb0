package com.masseurmatch.waitlist.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EchoOpenAiTest {

  private static FakeRealtimeServer server;
  private static Vertx vertx;

  @BeforeAll
  static void start() throws Exception {
    server = FakeRealtimeServer.echo(0);
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    server.close();
  }

  private WebSocket connect(String authorization, BlockingQueue<String> received) throws Exception {
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(server.port())
            .setURI("/v1/realtime?model=gpt-realtime");
    if (authorization != null) {
      options.addHeader("Authorization", authorization);
    }
    WebSocket ws =
        vertx
            .createWebSocketClient()
            .connect(options)
            // on the event loop, before the first message is read
            .onSuccess(socket -> socket.textMessageHandler(received::add))
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return ws;
  }

  @Test
  void refusesAWrongKeyWith401() {
    ExecutionException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class,
            () -> connect("Bearer sk-wrong", new LinkedBlockingQueue<>()));
    assertTrue(refused.getCause() instanceof UpgradeRejectedException);
    assertEquals(401, ((UpgradeRejectedException) refused.getCause()).getStatus());
  }

  @Test
  void sessionCreatedFirstThenEveryAppendComesBackAsAudio() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    WebSocket ws = connect("Bearer " + FakeRealtimeServer.API_KEY, received);
    assertTrue(received.poll(5, TimeUnit.SECONDS).startsWith("{\"type\":\"session.created\""));

    ws.writeTextMessage("{\"type\":\"input_audio_buffer.append\",\"audio\":\"f39/fw==\"}");
    String delta = received.poll(5, TimeUnit.SECONDS);
    assertTrue(delta.startsWith("{\"type\":\"response.output_audio.delta\""), delta);
    assertTrue(delta.contains("\"delta\":\"f39/fw==\""), delta);
    assertTrue(delta.contains("\"item_id\":\"item_echo_"), delta);

    ws.writeTextMessage("{\"type\":\"response.create\"}");
    assertTrue(received.poll(5, TimeUnit.SECONDS).contains("\"type\":\"response.created\""));
    assertTrue(
        received.poll(5, TimeUnit.SECONDS).contains("\"type\":\"response.output_audio.delta\""));
    String done = received.poll(5, TimeUnit.SECONDS);
    assertTrue(done.contains("\"type\":\"response.done\"") && done.contains("\"usage\""), done);
    assertEquals(1, server.echoed());
    ws.close();
  }
}
