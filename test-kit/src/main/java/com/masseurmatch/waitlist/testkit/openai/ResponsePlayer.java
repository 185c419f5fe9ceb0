package com.masseurmatch.waitlist.testkit.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The responses of one {@link FakeRealtimeSession}, as the server plays them: a reply's audio
 * deltas at once (faster than real time), its item finished and {@code response.done} a little
 * later; or, when server VAD interrupts it ({@code interrupt_response}), the deltas still in flight
 * for the cut item, the item {@code incomplete} and a {@code cancelled} {@code response.done}.
 * Confined to the session's event loop, except {@link #active()}.
 */
final class ResponsePlayer {

  /** One delta: 100 ms of u-law. */
  static final int DELTA_BYTES = 800;

  private static final int BYTES_PER_MS = 8;

  /** Deltas of an interrupted item that were already on their way when the caller spoke. */
  static final int LATE_DELTAS = 2;

  private final FakeRealtimeSession session;
  private final Supplier<Reply> nextReply;
  private final long doneDelayMs;
  private final Map<String, Integer> audioBytes = new HashMap<>();
  private volatile boolean active;
  private boolean spoke;
  private String responseId;
  private final List<ObjectNode> output = new ArrayList<>();
  private ObjectNode openItem;
  private long audioOut;
  private long timer = -1;

  ResponsePlayer(FakeRealtimeSession session, Supplier<Reply> nextReply, long doneDelayMs) {
    this.session = session;
    this.nextReply = nextReply;
    this.doneDelayMs = doneDelayMs;
  }

  /** Whether a response is in progress (until its {@code response.done} has been sent). */
  boolean active() {
    return active;
  }

  /** Whether the model has spoken in this session: its voice is fixed from then on. */
  boolean spoke() {
    return spoke;
  }

  /**
   * {@code conversation.item.truncate}: cuts an assistant item's audio to what the caller heard.
   *
   * @return null when done ({@code conversation.item.truncated} sent), else why it was refused
   */
  Refusal truncate(String itemId, long endMs) {
    Integer bytes = audioBytes.get(itemId);
    if (bytes == null) {
      return new Refusal("item_not_found", "Item " + itemId + " not found.", "item_id");
    }
    if (endMs <= 0) {
      return new Refusal(
          "unsupported_content_type", "Only model output audio messages can be truncated", null);
    }
    if (endMs > bytes / BYTES_PER_MS) {
      return new Refusal(
          "invalid_value",
          "Audio content of " + bytes / BYTES_PER_MS + "ms is already shorter than " + endMs + "ms",
          "audio_end_ms");
    }
    ObjectNode truncated = session.event("conversation.item.truncated");
    truncated.put("item_id", itemId).put("content_index", 0).put("audio_end_ms", endMs);
    session.send(truncated);
    return null;
  }

  /** Starts the next scripted reply; the caller has checked that none is in progress. */
  void start() {
    active = true;
    responseId = "resp_" + session.id();
    output.clear();
    openItem = null;
    audioOut = 0;
    ObjectNode created = session.event("response.created");
    created.putObject("response").put("id", responseId).put("status", "in_progress");
    session.send(created);
    Reply reply = nextReply.get();
    if (reply instanceof Reply.Speech speech) {
      openItem = speak(speech.transcript(), speech.audioBytes());
    } else if (reply instanceof Reply.FunctionCall call) {
      if (call.spokenBytesBefore() > 0) {
        finishItem(speak("One moment.", call.spokenBytesBefore()), "completed");
      }
      output.add(functionCall(call, output.size()));
    }
    timer = session.context().owner().setTimer(Math.max(1, doneDelayMs), t -> finish("completed"));
  }

  /** The caller started speaking: with {@code interrupt_response} the reply is cancelled. */
  void interrupt() {
    if (!active) {
      return;
    }
    session.context().owner().cancelTimer(timer);
    if (openItem != null) {
      String itemId = openItem.path("id").asText();
      for (int i = 0; i < LATE_DELTAS; i++) {
        delta(itemId, DELTA_BYTES);
      }
    }
    finish("cancelled");
  }

  private void finish(String status) {
    if (openItem != null) {
      finishItem(openItem, status.equals("cancelled") ? "incomplete" : "completed");
      openItem = null;
    }
    ObjectNode done = session.event("response.done");
    ObjectNode response = done.putObject("response");
    response.put("id", responseId).put("object", "realtime.response").put("status", status);
    if (status.equals("cancelled")) {
      response.putObject("status_details").put("type", "cancelled").put("reason", "turn_detected");
    } else {
      response.putNull("status_details");
    }
    response.putArray("output").addAll(output);
    usage(response.putObject("usage"));
    active = false;
    session.send(done);
  }

  private void usage(ObjectNode usage) {
    long outputAudioTokens = audioOut / 400; // 1 token per 50 ms
    long inputAudioTokens = session.appendedAudio().length / 800; // 1 token per 100 ms
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
  }

  /** An assistant message with its audio sent; finished later by {@link #finishItem}. */
  private ObjectNode speak(String transcript, int bytes) {
    ObjectNode item = session.json().createObjectNode();
    item.put("id", "item_" + session.id()).put("object", "realtime.item").put("type", "message");
    item.put("status", "in_progress").put("role", "assistant");
    item.putArray("content").addObject().put("type", "output_audio").put("transcript", transcript);
    ObjectNode added = session.event("response.output_item.added");
    added.put("response_id", responseId).put("output_index", output.size());
    added.set("item", item.deepCopy());
    session.send(added);
    output.add(item);
    audioBytes.put(item.path("id").asText(), 0);
    for (int sent = 0; sent < bytes; sent += DELTA_BYTES) {
      delta(item.path("id").asText(), Math.min(DELTA_BYTES, bytes - sent));
    }
    return item;
  }

  private void delta(String itemId, int size) {
    byte[] chunk = new byte[size];
    Arrays.fill(chunk, (byte) 0x7f);
    ObjectNode delta = session.event("response.output_audio.delta");
    delta.put("response_id", responseId).put("item_id", itemId);
    delta.put("output_index", 0).put("content_index", 0);
    delta.put("delta", Base64.getEncoder().encodeToString(chunk));
    audioBytes.merge(itemId, size, Integer::sum);
    audioOut += size;
    spoke = true;
    session.send(delta);
  }

  private void finishItem(ObjectNode item, String status) {
    String itemId = item.path("id").asText();
    String transcript = item.path("content").path(0).path("transcript").asText();
    ObjectNode audioDone = session.event("response.output_audio.done");
    audioDone.put("response_id", responseId).put("item_id", itemId);
    audioDone.put("output_index", 0).put("content_index", 0);
    session.send(audioDone);
    ObjectNode transcriptDone = session.event("response.output_audio_transcript.done");
    transcriptDone.put("response_id", responseId).put("item_id", itemId);
    transcriptDone.put("output_index", 0).put("content_index", 0).put("transcript", transcript);
    session.send(transcriptDone);
    item.put("status", status);
    ObjectNode itemDone = session.event("response.output_item.done");
    itemDone.put("response_id", responseId).put("output_index", 0);
    itemDone.set("item", item);
    session.send(itemDone);
  }

  private ObjectNode functionCall(Reply.FunctionCall call, int index) {
    String itemId = "item_" + session.id();
    String callId = "call_" + session.id();
    ObjectNode item = session.json().createObjectNode();
    item.put("id", itemId).put("object", "realtime.item").put("type", "function_call");
    item.put("status", "in_progress").put("name", call.name()).put("call_id", callId);
    item.put("arguments", "");
    ObjectNode added = session.event("response.output_item.added");
    added.put("response_id", responseId).put("output_index", index).set("item", item.deepCopy());
    session.send(added);
    ObjectNode delta = session.event("response.function_call_arguments.delta");
    delta.put("response_id", responseId).put("item_id", itemId).put("output_index", index);
    delta.put("call_id", callId).put("delta", call.arguments());
    session.send(delta);
    ObjectNode argsDone = session.event("response.function_call_arguments.done");
    argsDone.put("response_id", responseId).put("item_id", itemId).put("output_index", index);
    argsDone.put("call_id", callId).put("name", call.name()).put("arguments", call.arguments());
    session.send(argsDone);
    item.put("status", "completed").put("arguments", call.arguments());
    ObjectNode itemDone = session.event("response.output_item.done");
    itemDone.put("response_id", responseId).put("output_index", index).set("item", item);
    session.send(itemDone);
    return item;
  }
}
