package com.masseurmatch.waitlist.bridge.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Plays Twilio's side of a bidirectional Media Stream against the bridge, for tests. */
public final class TwilioStreamClient implements AutoCloseable {

  public static final String STREAM_SID = "MZ11111111111111111111111111111111";
  public static final String ACCOUNT_SID = "AC22222222222222222222222222222222";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final WebSocket socket;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private volatile Short closeStatus;
  private int sequence;

  private TwilioStreamClient(Vertx vertx, WebSocket socket) {
    this.vertx = vertx;
    this.socket = socket;
    socket.textMessageHandler(
        text -> {
          try {
            received.add(JSON.readTree(text));
          } catch (Exception e) {
            throw new IllegalStateException("the bridge sent invalid JSON: " + text, e);
          }
        });
    socket.closeHandler(
        v -> closeStatus = socket.closeStatusCode() == null ? 1005 : socket.closeStatusCode());
  }

  public static TwilioStreamClient connect(int port) throws Exception {
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
    return new TwilioStreamClient(vertx, socket);
  }

  public void sendText(String text) {
    socket.writeTextMessage(text);
  }

  public void connected() {
    sendText("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
  }

  public void start(String callSid, String token, String caller) {
    var start = JSON.createObjectNode();
    start.put("event", "start").put("sequenceNumber", Integer.toString(++sequence));
    start.put("streamSid", STREAM_SID);
    var body = start.putObject("start");
    body.put("streamSid", STREAM_SID).put("accountSid", ACCOUNT_SID).put("callSid", callSid);
    body.putArray("tracks").add("inbound");
    var params = body.putObject("customParameters");
    if (token != null) {
      params.put("token", token);
    }
    if (caller != null) {
      params.put("caller", caller);
    }
    body.putObject("mediaFormat")
        .put("encoding", "audio/x-mulaw")
        .put("sampleRate", 8000)
        .put("channels", 1);
    sendText(start.toString());
  }

  /** One 20 ms frame of 160 u-law bytes, all {@code fill}, at call time {@code timestampMs}. */
  public void media(long timestampMs, byte fill) {
    byte[] frame = new byte[160];
    java.util.Arrays.fill(frame, fill);
    sendText(
        "{\"event\":\"media\",\"sequenceNumber\":\""
            + (++sequence)
            + "\",\"streamSid\":\""
            + STREAM_SID
            + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\""
            + sequence
            + "\",\"timestamp\":\""
            + timestampMs
            + "\",\"payload\":\""
            + Base64.getEncoder().encodeToString(frame)
            + "\"}}");
  }

  public void mark(String name) {
    sendText(
        "{\"event\":\"mark\",\"sequenceNumber\":\""
            + (++sequence)
            + "\",\"streamSid\":\""
            + STREAM_SID
            + "\",\"mark\":{\"name\":\""
            + name
            + "\"}}");
  }

  public void stop(String callSid) {
    sendText(
        "{\"event\":\"stop\",\"sequenceNumber\":\""
            + (++sequence)
            + "\",\"streamSid\":\""
            + STREAM_SID
            + "\",\"stop\":{\"accountSid\":\""
            + ACCOUNT_SID
            + "\",\"callSid\":\""
            + callSid
            + "\"}}");
  }

  public List<JsonNode> received() {
    return List.copyOf(received);
  }

  public List<JsonNode> received(String event) {
    return received.stream().filter(m -> event.equals(m.path("event").asText())).toList();
  }

  /** Marks the bridge sent that this client has not acknowledged yet, oldest first. */
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
