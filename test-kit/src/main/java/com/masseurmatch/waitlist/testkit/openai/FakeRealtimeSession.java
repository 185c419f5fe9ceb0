package com.masseurmatch.waitlist.testkit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One connection to {@link FakeRealtimeServer}: follows the GA Realtime protocol for what the
 * bridge uses (docs/protocols/openai-realtime.md), records every client event, and exposes hooks
 * for tests (caller speech, closing).
 */
public final class FakeRealtimeSession {

  private static final int BYTES_PER_MS = 8;
  private static final int DELTA_BYTES = 800;

  private final ServerWebSocket socket;
  private final Context context;
  private final ObjectMapper json;
  private final Supplier<Reply> nextReply;
  private final long responseDoneDelayMs;
  private final Function<JsonNode, String> sessionUpdateHook;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final List<JsonNode> errors = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream appended = new ByteArrayOutputStream();
  private final Map<String, Integer> assistantAudio = new HashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private ObjectNode session;
  private volatile boolean responseActive;

  FakeRealtimeSession(
      ServerWebSocket socket,
      ObjectMapper json,
      Supplier<Reply> nextReply,
      long responseDoneDelayMs,
      Function<JsonNode, String> sessionUpdateHook) {
    this.socket = socket;
    this.context = Vertx.currentContext();
    this.json = json;
    this.nextReply = nextReply;
    this.responseDoneDelayMs = responseDoneDelayMs;
    this.sessionUpdateHook = sessionUpdateHook;
    this.session = json.createObjectNode();
    session.put("type", "realtime");
    session.put("object", "realtime.session");
    session.put("id", "sess_" + id());
    session.put("model", "gpt-realtime");
    session.putObject("audio").putObject("input").putObject("format").put("type", "audio/pcm");
    socket.textMessageHandler(this::onText);
    send(event("session.created").set("session", session));
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

  /** Error events this fake sent back: the bridge broke the protocol. */
  public List<JsonNode> errors() {
    return List.copyOf(errors);
  }

  public synchronized byte[] appendedAudio() {
    return appended.toByteArray();
  }

  /** Whether a response is in progress (until its {@code response.done} has been sent). */
  public boolean responding() {
    return responseActive;
  }

  public boolean isClosed() {
    return socket.isClosed();
  }

  /** Server VAD heard the caller start speaking. */
  public void speechStarted(long audioStartMs) {
    context.runOnContext(
        v -> {
          ObjectNode event = event("input_audio_buffer.speech_started");
          event.put("audio_start_ms", audioStartMs);
          event.put("item_id", "item_" + id());
          send(event);
        });
  }

  /**
   * Server VAD committed a caller turn and, with {@code create_response}, starts a response on its
   * own: the next queued {@link Reply}.
   */
  public void callerTurn(String transcript) {
    context.runOnContext(
        v -> {
          String itemId = "item_" + id();
          ObjectNode committed = event("input_audio_buffer.committed");
          committed.put("item_id", itemId);
          send(committed);
          ObjectNode heard = event("conversation.item.input_audio_transcription.completed");
          heard.put("item_id", itemId).put("content_index", 0).put("transcript", transcript);
          send(heard);
          responseCreate(null);
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
      error("invalid_request_error", "invalid_json", "We could not parse the JSON body.", null);
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
        if (!responseActive) {
          error(
              "invalid_request_error", "response_cancel_not_active", "No active response.", event);
        }
      }
      default ->
          error("invalid_request_error", "invalid_value", "Unknown event type " + type, event);
    }
  }

  private void sessionUpdate(JsonNode event) {
    JsonNode update = event.path("session");
    if (!"realtime".equals(update.path("type").asText())) {
      error(
          "invalid_request_error",
          "missing_required_parameter",
          "Missing required parameter: 'session.type'.",
          event);
      return;
    }
    if (update.has("temperature")) {
      error(
          "invalid_request_error",
          "unknown_parameter",
          "Unknown parameter: 'session.temperature'.",
          event);
      return;
    }
    String rejected = sessionUpdateHook.apply(update);
    if (rejected != null) {
      error("invalid_request_error", "invalid_value", rejected, event);
      return;
    }
    session.setAll((ObjectNode) update.deepCopy());
    send(event("session.updated").set("session", session));
  }

  private synchronized void append(JsonNode event) {
    try {
      appended.writeBytes(Base64.getDecoder().decode(event.path("audio").asText()));
    } catch (IllegalArgumentException e) {
      error("invalid_request_error", "invalid_value", "Invalid base64 audio.", event);
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
    String itemId = event.path("item_id").asText();
    long endMs = event.path("audio_end_ms").asLong();
    Integer bytes = assistantAudio.get(itemId);
    if (bytes == null) {
      error("invalid_request_error", "item_not_found", "Item " + itemId + " not found.", event);
    } else if (endMs <= 0) {
      error(
          "invalid_request_error",
          "unsupported_content_type",
          "Only model output audio messages can be truncated",
          event);
    } else if (endMs > bytes / BYTES_PER_MS) {
      error(
          "invalid_request_error",
          "invalid_value",
          "Audio content of " + bytes / BYTES_PER_MS + "ms is already shorter than " + endMs + "ms",
          event);
    } else {
      ObjectNode truncated = event("conversation.item.truncated");
      truncated.put("item_id", itemId);
      truncated.put("content_index", 0);
      truncated.put("audio_end_ms", endMs);
      send(truncated);
    }
  }

  private void responseCreate(JsonNode event) {
    if (responseActive) {
      error(
          "invalid_request_error",
          "conversation_already_has_active_response",
          "Conversation already has an active response in progress.",
          event);
      return;
    }
    responseActive = true;
    String responseId = "resp_" + id();
    ObjectNode created = event("response.created");
    created.putObject("response").put("id", responseId).put("status", "in_progress");
    send(created);
    Reply reply = nextReply.get();
    List<ObjectNode> output = new ArrayList<>();
    long audioOut = 0;
    if (reply instanceof Reply.Speech speech) {
      output.add(speak(responseId, speech.transcript(), speech.audioBytes()));
      audioOut = speech.audioBytes();
    } else if (reply instanceof Reply.FunctionCall call) {
      if (call.spokenBytesBefore() > 0) {
        output.add(speak(responseId, "One moment.", call.spokenBytesBefore()));
        audioOut = call.spokenBytesBefore();
      }
      output.add(functionCall(responseId, call, output.size()));
    }
    long outputAudioTokens = audioOut / 400; // 1 token per 50 ms
    long inputAudioTokens = appendedAudio().length / 800; // 1 token per 100 ms
    ObjectNode done = event("response.done");
    ObjectNode response = done.putObject("response");
    response.put("id", responseId).put("object", "realtime.response").put("status", "completed");
    response.putArray("output").addAll(output);
    ObjectNode usage = response.putObject("usage");
    usage.put("total_tokens", 100 + inputAudioTokens + outputAudioTokens + 10);
    usage.put("input_tokens", 100 + inputAudioTokens);
    usage.put("output_tokens", outputAudioTokens + 10);
    ObjectNode in = usage.putObject("input_token_details");
    in.put("text_tokens", 100).put("audio_tokens", inputAudioTokens).put("cached_tokens", 0);
    in.putObject("cached_tokens_details").put("text_tokens", 0).put("audio_tokens", 0);
    usage
        .putObject("output_token_details")
        .put("text_tokens", 10)
        .put("audio_tokens", outputAudioTokens);
    context
        .owner()
        .setTimer(
            Math.max(1, responseDoneDelayMs),
            t -> {
              responseActive = false;
              send(done);
            });
  }

  private ObjectNode speak(String responseId, String transcript, int bytes) {
    String itemId = "item_" + id();
    ObjectNode item = json.createObjectNode();
    item.put("id", itemId).put("object", "realtime.item").put("type", "message");
    item.put("status", "completed").put("role", "assistant");
    item.putArray("content").addObject().put("type", "output_audio").put("transcript", transcript);
    ObjectNode added = event("response.output_item.added");
    added.put("response_id", responseId).put("output_index", 0);
    added.set("item", item.deepCopy().put("status", "in_progress"));
    send(added);
    assistantAudio.put(itemId, bytes);
    byte[] chunk = new byte[DELTA_BYTES];
    java.util.Arrays.fill(chunk, (byte) 0x7f);
    for (int sent = 0; sent < bytes; sent += DELTA_BYTES) {
      int size = Math.min(DELTA_BYTES, bytes - sent);
      ObjectNode delta = event("response.output_audio.delta");
      delta.put("response_id", responseId).put("item_id", itemId);
      delta.put("output_index", 0).put("content_index", 0);
      delta.put("delta", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(chunk, size)));
      send(delta);
    }
    ObjectNode audioDone = event("response.output_audio.done");
    audioDone.put("response_id", responseId).put("item_id", itemId);
    send(audioDone);
    ObjectNode transcriptDone = event("response.output_audio_transcript.done");
    transcriptDone.put("response_id", responseId).put("item_id", itemId);
    transcriptDone.put("output_index", 0).put("content_index", 0).put("transcript", transcript);
    send(transcriptDone);
    ObjectNode itemDone = event("response.output_item.done");
    itemDone.put("response_id", responseId).put("output_index", 0);
    itemDone.set("item", item);
    send(itemDone);
    return item;
  }

  private ObjectNode functionCall(String responseId, Reply.FunctionCall call, int index) {
    String itemId = "item_" + id();
    String callId = "call_" + id();
    ObjectNode item = json.createObjectNode();
    item.put("id", itemId).put("object", "realtime.item").put("type", "function_call");
    item.put("status", "in_progress").put("name", call.name()).put("call_id", callId);
    item.put("arguments", "");
    ObjectNode added = event("response.output_item.added");
    added.put("response_id", responseId).put("output_index", index).set("item", item.deepCopy());
    send(added);
    ObjectNode delta = event("response.function_call_arguments.delta");
    delta.put("response_id", responseId).put("item_id", itemId).put("output_index", index);
    delta.put("call_id", callId).put("delta", call.arguments());
    send(delta);
    ObjectNode argsDone = event("response.function_call_arguments.done");
    argsDone.put("response_id", responseId).put("item_id", itemId).put("output_index", index);
    argsDone.put("call_id", callId).put("name", call.name()).put("arguments", call.arguments());
    send(argsDone);
    item.put("status", "completed").put("arguments", call.arguments());
    ObjectNode itemDone = event("response.output_item.done");
    itemDone.put("response_id", responseId).put("output_index", index).set("item", item);
    send(itemDone);
    return item;
  }

  private void error(String type, String code, String message, JsonNode cause) {
    ObjectNode event = event("error");
    ObjectNode body = event.putObject("error");
    body.put("type", type).put("code", code).put("message", message).putNull("param");
    if (cause != null && cause.has("event_id")) {
      body.put("event_id", cause.get("event_id").asText());
    } else {
      body.putNull("event_id");
    }
    errors.add(event);
    send(event);
  }

  private ObjectNode event(String type) {
    ObjectNode event = json.createObjectNode();
    event.put("type", type);
    event.put("event_id", "event_" + id());
    return event;
  }

  private void send(JsonNode event) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(event.toString());
    }
  }

  private String id() {
    return Integer.toString(ids.incrementAndGet(), 36)
        + Long.toString(System.nanoTime() % 100000, 36);
  }
}
