package com.masseurmatch.waitlist.testkit.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Plays Twilio's side of a bidirectional Media Stream against the bridge, for tests. Records every
 * frame the bridge sends. With {@link #playAudio()} it also plays like Twilio: audio plays at 8
 * bytes a millisecond, each mark is echoed once the audio before it has played, and {@code clear}
 * drops the queued audio and echoes the waiting marks at once. {@link #sync()} is a barrier: once
 * it returns, the bridge has handled every frame sent before it.
 */
public final class MediaStreamClient implements AutoCloseable {

  public static final String STREAM_SID = "MZ11111111111111111111111111111111";
  public static final String ACCOUNT_SID = "AC22222222222222222222222222222222";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final WebSocket socket;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final Map<String, CompletableFuture<Void>> pongs = new ConcurrentHashMap<>();
  private final AtomicLong pings = new AtomicLong();
  private final PlaybackClock playback = new PlaybackClock();
  private volatile boolean playing;
  private volatile Short closeStatus;
  private long sequence;

  private MediaStreamClient(Vertx vertx, WebSocket socket) {
    this.vertx = vertx;
    this.socket = socket;
    socket.textMessageHandler(this::onFrame);
    socket.pongHandler(
        data -> {
          CompletableFuture<Void> pong = pongs.remove(data.toString());
          if (pong != null) {
            pong.complete(null);
          }
        });
    socket.closeHandler(
        v -> closeStatus = socket.closeStatusCode() == null ? 1005 : socket.closeStatusCode());
  }

  /** Connects to {@code ws://127.0.0.1:port/media-stream}. */
  public static MediaStreamClient connect(int port) throws Exception {
    Vertx vertx = Vertx.vertx();
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket socket =
        client
            .connect(
                new WebSocketConnectOptions()
                    .setHost("127.0.0.1")
                    .setPort(port)
                    .setURI("/media-stream"))
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return new MediaStreamClient(vertx, socket);
  }

  /**
   * From now on plays the bridge's audio like Twilio and echoes its marks when their audio has
   * played; {@code clear} echoes the waiting marks at once.
   */
  public MediaStreamClient playAudio() {
    playing = true;
    vertx.setPeriodic(10, id -> playback.due(System.nanoTime(), this::mark));
    return this;
  }

  private void onFrame(String text) {
    JsonNode frame;
    try {
      frame = JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException("the bridge sent invalid JSON: " + text, e);
    }
    received.add(frame);
    if (!playing) {
      return;
    }
    long now = System.nanoTime();
    switch (frame.path("event").asText()) {
      case "media" ->
          playback.audio(
              Base64.getDecoder().decode(frame.path("media").path("payload").asText()).length, now);
      case "mark" -> playback.mark(frame.path("mark").path("name").asText(), now);
      case "clear" -> playback.clear(now, this::mark);
      default -> {}
    }
  }

  public void sendText(String text) {
    socket.writeTextMessage(text);
  }

  public void connected() {
    sendText(MediaStreamFrames.connected());
  }

  /** A {@code start} with the IVR's parameters; a null token or caller is left out. */
  public void start(String callSid, String token, String caller) {
    start(callSid, token, caller, Map.of());
  }

  /** A {@code start} with the IVR's parameters and more (such as {@code language}). */
  public void start(String callSid, String token, String caller, Map<String, String> more) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (token != null) {
      parameters.put("token", token);
    }
    if (caller != null) {
      parameters.put("caller", caller);
    }
    parameters.putAll(more);
    sequence++;
    sendText(MediaStreamFrames.start(ACCOUNT_SID, callSid, STREAM_SID, parameters));
  }

  /** One 20 ms frame of 160 u-law bytes, all {@code fill}, at call time {@code timestampMs}. */
  public void media(long timestampMs, byte fill) {
    byte[] frame = new byte[160];
    java.util.Arrays.fill(frame, fill);
    sequence++;
    sendText(
        MediaStreamFrames.media(
            STREAM_SID,
            sequence,
            sequence,
            timestampMs,
            Base64.getEncoder().encodeToString(frame)));
  }

  public void mark(String name) {
    sendText(MediaStreamFrames.mark(STREAM_SID, ++sequence, name));
  }

  public void stop(String callSid) {
    sendText(MediaStreamFrames.stop(ACCOUNT_SID, callSid, STREAM_SID, ++sequence));
  }

  /**
   * A barrier: sends a WebSocket ping and waits for its pong. The server answers a ping in order
   * with the frames before it, so once this returns the bridge has handled each of them.
   */
  public void sync() throws Exception {
    String id = "sync-" + pings.incrementAndGet();
    CompletableFuture<Void> pong = new CompletableFuture<>();
    pongs.put(id, pong);
    socket.writePing(Buffer.buffer(id));
    pong.get(10, TimeUnit.SECONDS);
  }

  public List<JsonNode> received() {
    return List.copyOf(received);
  }

  public List<JsonNode> received(String event) {
    return received.stream().filter(m -> event.equals(m.path("event").asText())).toList();
  }

  /** The names of every mark the bridge sent, in order. */
  public List<String> markNames() {
    List<String> names = new ArrayList<>();
    for (JsonNode mark : received("mark")) {
      names.add(mark.path("mark").path("name").asText());
    }
    return names;
  }

  public JsonNode await(Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode message : received) {
        if (match.test(message)) {
          return message;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no matching message within " + timeout + "; got " + received);
  }

  public Short awaitClose(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && closeStatus == null) {
      Thread.sleep(10);
    }
    return closeStatus;
  }

  public boolean isClosed() {
    return closeStatus != null;
  }

  public void hangUp() {
    socket.close();
  }

  @Override
  public void close() {
    vertx.close();
  }
}
