package com.masseurmatch.waitlist.bridge.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.AddressResolverOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test kit's Realtime server is as strict as OpenAI where the bridge meets it: it judges each
 * {@code session.update} against the GA session's shape and names the refused event, confirms with
 * the whole session in effect, and takes Azure's {@code api-key} header on Azure's path only.
 * Reached through the bridge's own connector; Azure's host name resolves to 127.0.0.1 through this
 * Vert.x instance's hosts table.
 */
class FakeRealtimeStrictnessTest {

  private static final String AZURE_HOST = "knotty.openai.azure.com";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RealtimeCodec CODEC = new RealtimeCodec(JSON, 1 << 20);
  private static FakeRealtimeServer openai;
  private static Vertx vertx;

  @BeforeAll
  static void start() throws Exception {
    openai = new FakeRealtimeServer();
    openai.start();
    // Quarkus turns Vert.x' own resolver off JVM-wide, and with it the hosts table
    String noResolver = System.clearProperty("vertx.disableDnsResolver");
    vertx =
        Vertx.vertx(
            new VertxOptions()
                .setAddressResolverOptions(
                    new AddressResolverOptions()
                        .setHostsValue(Buffer.buffer("127.0.0.1 " + AZURE_HOST + "\n"))));
    if (noResolver != null) {
      System.setProperty("vertx.disableDnsResolver", noResolver);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    openai.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void azureTakesTheApiKeyHeaderOnItsOwnPath() throws Exception {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    WebSocket socket = connect(azure(FakeRealtimeServer.AZURE_PATH), events);
    try {
      assertEquals("session.created", type(next(events)));
      socket.writeTextMessage(CODEC.sessionUpdate(pcmuSession("marin")));
      JsonNode updated = next(events);
      assertEquals("session.updated", type(updated), updated.toString());
    } finally {
      socket.close();
    }
    // the connector sent the key as api-key, which OpenAI's own path does not read
    ExecutionException refused =
        assertThrows(
            ExecutionException.class,
            () -> connect(azure(FakeRealtimeServer.OPENAI_PATH), new LinkedBlockingQueue<>()));
    assertEquals(401, ((UpgradeRejectedException) refused.getCause()).getStatus());
  }

  @Test
  void updatesOutsideTheGaShapeAreRefusedNamingTheirEvent() throws Exception {
    String[][] cases = {
      {"{\"type\":\"realtime\",\"temperature\":0.8}", "unknown_parameter", "session.temperature"},
      {"{\"modalities\":[\"audio\"]}", "missing_required_parameter", "session.type"},
      {
        "{\"type\":\"realtime\",\"input_audio_format\":\"g711_ulaw\"}",
        "unknown_parameter",
        "session.input_audio_format"
      },
      {
        "{\"type\":\"realtime\",\"output_modalities\":[\"text\",\"audio\"]}",
        "invalid_value",
        "session.output_modalities"
      },
      {
        "{\"type\":\"realtime\",\"audio\":{\"output\":{\"voice\":\"nova\"}}}",
        "invalid_value",
        "session.audio.output.voice"
      },
      {
        "{\"type\":\"realtime\",\"audio\":{\"input\":{\"format\":\"g711_ulaw\"}}}",
        "invalid_type",
        "session.audio.input.format"
      },
      {
        "{\"type\":\"realtime\",\"audio\":{\"output\":{\"format\":{\"type\":\"audio/ulaw\"}}}}",
        "invalid_value",
        "session.audio.output.format.type"
      },
      {
        "{\"type\":\"realtime\",\"audio\":{\"input\":{\"transcription\":"
            + "{\"model\":\"gpt-4o-mini-transcribes\"}}}}",
        "invalid_value",
        "session.audio.input.transcription.model"
      },
      {
        "{\"type\":\"realtime\",\"audio\":{\"input\":{\"turn_detection\":"
            + "{\"type\":\"semantic_vad\",\"threshold\":0.5}}}}",
        "unknown_parameter",
        "session.audio.input.turn_detection.threshold"
      },
      {
        "{\"type\":\"realtime\",\"audio\":{\"input\":{\"turn_detection\":"
            + "{\"type\":\"semantic_vad\",\"eagerness\":\"fast\"}}}}",
        "invalid_value",
        "session.audio.input.turn_detection.eagerness"
      },
      {
        "{\"type\":\"realtime\",\"audio\":{\"input\":{\"turn_detection\":{\"type\":\"vad\"}}}}",
        "invalid_value",
        "session.audio.input.turn_detection.type"
      },
    };
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    WebSocket socket = connect(URI.create(openai.url()), events);
    try {
      assertEquals("session.created", type(next(events)));
      for (int i = 0; i < cases.length; i++) {
        socket.writeTextMessage(
            "{\"type\":\"session.update\",\"event_id\":\"evt_"
                + i
                + "\",\"session\":"
                + cases[i][0]
                + "}");
        JsonNode error = next(events);
        assertEquals("error", type(error), cases[i][0]);
        assertEquals(cases[i][1], error.path("error").path("code").asText(), cases[i][0]);
        assertEquals(cases[i][2], error.path("error").path("param").asText(), cases[i][0]);
        assertEquals("evt_" + i, error.path("error").path("event_id").asText());
      }
      // none of them changed the session; a valid update changes only what it names
      socket.writeTextMessage(CODEC.sessionUpdate(pcmuSession("cedar")));
      JsonNode session = next(events).path("session");
      assertEquals("audio/pcmu", session.at("/audio/input/format/type").asText());
      assertEquals("audio/pcmu", session.at("/audio/output/format/type").asText());
      assertEquals("cedar", session.at("/audio/output/voice").asText());
      assertEquals(1.0, session.at("/audio/output/speed").asDouble());
      assertTrue(session.at("/audio/input/turn_detection/interrupt_response").asBoolean());
      assertEquals("gpt-realtime", session.path("model").asText());
    } finally {
      socket.close();
    }
  }

  private static java.util.Map<String, Object> pcmuSession(String voice) {
    java.util.Map<String, Object> pcmu = java.util.Map.of("type", "audio/pcmu");
    return java.util.Map.of(
        "type",
        "realtime",
        "model",
        "gpt-realtime",
        "audio",
        java.util.Map.of(
            "input",
            java.util.Map.of("format", pcmu),
            "output",
            java.util.Map.of("format", pcmu, "voice", voice)));
  }

  private static URI azure(String path) {
    return URI.create("ws://" + AZURE_HOST + ":" + openai.port() + path);
  }

  private static WebSocket connect(URI url, BlockingQueue<String> events) throws Exception {
    RealtimeConnector connector =
        new RealtimeConnector(
            vertx.createWebSocketClient(RealtimeConnector.options(TIMEOUT)),
            url,
            Optional.of(FakeRealtimeServer.API_KEY),
            "gpt-realtime",
            TIMEOUT,
            false);
    return connector
        .connect(
            new RealtimeConnector.Listener() {
              @Override
              public void onText(WebSocket socket, String text) {
                events.add(text);
              }

              @Override
              public void onClose(WebSocket socket, int code, String reason) {}
            })
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static JsonNode next(BlockingQueue<String> events) throws Exception {
    String text = events.poll(10, TimeUnit.SECONDS);
    assertTrue(text != null, "no event from the fake");
    return JSON.readTree(text);
  }

  private static String type(JsonNode event) {
    return event.path("type").asText();
  }
}
