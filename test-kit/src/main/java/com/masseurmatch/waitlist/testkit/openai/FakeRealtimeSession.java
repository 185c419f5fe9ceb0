package com.masseurmatch.waitlist.testkit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One connection to {@link FakeRealtimeServer}: follows the GA Realtime protocol for what the
 * bridge uses (docs/protocols/openai-realtime.md). It judges each {@code session.update} against
 * the GA session's shape ({@link SessionShape}) and answers {@code session.updated} with the whole
 * session in effect, or an {@code error} naming the update's {@code event_id}; plays replies and
 * barge-in as the server does ({@link ResponsePlayer}); records every client event; and exposes
 * hooks for tests (caller speech, raw events, closing).
 */
public final class FakeRealtimeSession {

  private final ServerWebSocket socket;
  private final Context context;
  private final ObjectMapper json;
  private final SessionShape shape;
  private final ResponsePlayer responses;
  private final Function<JsonNode, String> sessionUpdateHook;
  private final boolean confirms;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final List<JsonNode> errors = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream appended = new ByteArrayOutputStream();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile ObjectNode session;

  FakeRealtimeSession(
      ServerWebSocket socket,
      ObjectMapper json,
      String model,
      Supplier<Reply> nextReply,
      long responseDoneDelayMs,
      Function<JsonNode, String> sessionUpdateHook,
      boolean confirms) {
    this.socket = socket;
    this.context = Vertx.currentContext();
    this.json = json;
    this.shape = new SessionShape(json);
    this.responses = new ResponsePlayer(this, nextReply, responseDoneDelayMs);
    this.sessionUpdateHook = sessionUpdateHook;
    this.confirms = confirms;
    this.session = shape.defaults("sess_" + id(), model);
    socket.textMessageHandler(this::onText);
    send(event("session.created").set("session", session.deepCopy()));
  }

  // ------------------------------------------------------------ test hooks

  public List<JsonNode> received() {
    return List.copyOf(received);
  }

  public List<String> receivedTypes() {
    return received.stream().map(e -> e.path("type").asText()).toList();
  }

  public List<JsonNode> received(String type) {
    return received.stream().filter(e -> type.equals(e.path("type").asText())).toList();
  }

  /** Error events this fake sent back: the bridge broke the protocol or sent refused settings. */
  public List<JsonNode> errors() {
    return List.copyOf(errors);
  }

  /** The session in effect: OpenAI's defaults, changed by every accepted update. */
  public JsonNode session() {
    return session.deepCopy();
  }

  public synchronized byte[] appendedAudio() {
    return appended.toByteArray();
  }

  /** Whether a response is in progress (until its {@code response.done} has been sent). */
  public boolean responding() {
    return responses.active();
  }

  public boolean isClosed() {
    return socket.isClosed();
  }

  /**
   * Server VAD heard the caller start speaking; with {@code interrupt_response} (the default) a
   * reply in progress is cancelled, after the audio deltas still in flight for its item.
   */
  public void speechStarted(long audioStartMs) {
    context.runOnContext(
        v -> {
          ObjectNode event = event("input_audio_buffer.speech_started");
          event.put("audio_start_ms", audioStartMs);
          event.put("item_id", "item_" + id());
          send(event);
          if (turnDetection().path("interrupt_response").asBoolean(false)) {
            responses.interrupt();
          }
        });
  }

  /**
   * Server VAD committed a caller turn and, with {@code create_response} (the default), starts a
   * response on its own: the next queued {@link Reply}. A reply still in progress was interrupted
   * when the caller began to speak ({@code interrupt_response}, the default).
   */
  public void callerTurn(String transcript) {
    context.runOnContext(
        v -> {
          if (turnDetection().path("interrupt_response").asBoolean(false)) {
            responses.interrupt();
          }
          String itemId = "item_" + id();
          ObjectNode committed = event("input_audio_buffer.committed");
          committed.put("item_id", itemId);
          send(committed);
          ObjectNode heard = event("conversation.item.input_audio_transcription.completed");
          heard.put("item_id", itemId).put("content_index", 0).put("transcript", transcript);
          send(heard);
          if (turnDetection().path("create_response").asBoolean(false)) {
            responseCreate(null);
          }
        });
  }

  /** Sends an arbitrary server event, as JSON text. */
  public void sendRaw(String text) {
    context.runOnContext(v -> socket.writeTextMessage(text));
  }

  public void close(short code, String reason) {
    context.runOnContext(v -> socket.close(code, reason));
  }

  // ------------------------------------------------------------ protocol

  private void onText(String text) {
    JsonNode event;
    try {
      event = json.readTree(text);
    } catch (Exception e) {
      error(new Refusal("invalid_json", "We could not parse the JSON body.", null), null);
      return;
    }
    received.add(event);
    String type = event.path("type").asText();
    switch (type) {
      case "session.update" -> sessionUpdate(event);
      case "input_audio_buffer.append" -> append(event);
      case "conversation.item.create" -> itemCreate(event);
      case "conversation.item.truncate" -> truncate(event);
      case "response.create" -> responseCreate(event);
      case "response.cancel" -> {
        if (responses.active()) {
          responses.interrupt();
        } else {
          error(new Refusal("response_cancel_not_active", "No active response.", null), event);
        }
      }
      default -> error(new Refusal("invalid_value", "Unknown event type " + type, "type"), event);
    }
  }

  private void sessionUpdate(JsonNode event) {
    if (!confirms) {
      return; // a server that never answers: the client's timeout must act
    }
    JsonNode update = event.path("session");
    Refusal refusal = shape.judge(update, session, responses.spoke());
    if (refusal == null) {
      String rejected = sessionUpdateHook.apply(update);
      refusal = rejected == null ? null : new Refusal("invalid_value", rejected, "session");
    }
    if (refusal != null) {
      error(refusal, event);
      return;
    }
    ObjectNode next = session.deepCopy();
    shape.apply(next, update);
    session = next;
    // the confirmation carries the whole session in effect, never the client's event_id
    send(event("session.updated").set("session", next.deepCopy()));
  }

  private JsonNode turnDetection() {
    return session.path("audio").path("input").path("turn_detection");
  }

  private synchronized void append(JsonNode event) {
    try {
      appended.writeBytes(Base64.getDecoder().decode(event.path("audio").asText()));
    } catch (IllegalArgumentException e) {
      error(new Refusal("invalid_value", "Invalid base64 audio.", "audio"), event);
    }
  }

  private void itemCreate(JsonNode event) {
    ObjectNode item = ((ObjectNode) event.path("item")).deepCopy();
    item.put("id", "item_" + id());
    for (String type : List.of("conversation.item.added", "conversation.item.done")) {
      ObjectNode reply = event(type);
      reply.set("item", item);
      send(reply);
    }
  }

  private void truncate(JsonNode event) {
    Refusal refusal =
        responses.truncate(event.path("item_id").asText(), event.path("audio_end_ms").asLong());
    if (refusal != null) {
      error(refusal, event);
    }
  }

  private void responseCreate(JsonNode event) {
    if (responses.active()) {
      error(
          new Refusal(
              "conversation_already_has_active_response",
              "Conversation already has an active response in progress.",
              null),
          event);
      return;
    }
    responses.start();
  }

  private void error(Refusal refusal, JsonNode cause) {
    ObjectNode event = event("error");
    ObjectNode body = event.putObject("error");
    body.put("type", "invalid_request_error").put("code", refusal.code());
    body.put("message", refusal.message()).put("param", refusal.param());
    if (cause != null && cause.has("event_id")) {
      body.put("event_id", cause.get("event_id").asText());
    } else {
      body.putNull("event_id");
    }
    errors.add(event);
    send(event);
  }

  // ------------------------------------------------------------ for the response player

  Context context() {
    return context;
  }

  ObjectMapper json() {
    return json;
  }

  ObjectNode event(String type) {
    ObjectNode event = json.createObjectNode();
    event.put("type", type);
    event.put("event_id", "event_" + id());
    return event;
  }

  void send(JsonNode event) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(event.toString());
    }
  }

  String id() {
    return Integer.toString(ids.incrementAndGet(), 36)
        + Long.toString(System.nanoTime() % 100000, 36);
  }
}
