package com.masseurmatch.waitlist.testkit.openai;

import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One socket of an echoing {@link FakeRealtimeServer}: {@code session.created} at once, each append
 * echoed as audio, {@code session.updated} confirming u-law both ways, and a short greeting for
 * each {@code response.create}. Frames are matched and built as text: the benchmark's generator
 * must not be the bottleneck.
 */
final class EchoSession {

  private static final String APPEND = "{\"type\":\"input_audio_buffer.append\"";
  private static final String AUDIO_FIELD = "\"audio\":\"";

  /** 20 ms of u-law silence. */
  private static final String GREETING = "/".repeat(212) + "/w==";

  private final ServerWebSocket ws;
  private final long session;
  private final AtomicLong echoed;
  private final String echoPrefix;
  private int responses;

  EchoSession(ServerWebSocket ws, long session, AtomicLong echoed) {
    this.ws = ws;
    this.session = session;
    this.echoed = echoed;
    this.echoPrefix =
        "{\"type\":\"response.output_audio.delta\",\"event_id\":\"event_echo\",\"response_id\":"
            + "\"resp_echo_"
            + session
            + "\",\"item_id\":\"item_echo_"
            + session
            + "\",\"output_index\":0,\"content_index\":0,\"delta\":\"";
    ws.textMessageHandler(this::onEvent);
    ws.writeTextMessage(
        "{\"type\":\"session.created\",\"event_id\":\"event_"
            + session
            + "_0\",\"session\":{\"type\":\"realtime\",\"object\":\"realtime.session\",\"id\":\"sess_"
            + session
            + "\",\"model\":\"gpt-realtime\"}}");
  }

  private void onEvent(String text) {
    if (text.startsWith(APPEND)) {
      int from = text.indexOf(AUDIO_FIELD);
      if (from > 0) {
        from += AUDIO_FIELD.length();
        int to = text.indexOf('"', from);
        echoed.incrementAndGet();
        ws.writeTextMessage(
            new StringBuilder(echoPrefix.length() + (to - from) + 2)
                .append(echoPrefix)
                .append(text, from, to)
                .append("\"}")
                .toString());
      }
    } else if (text.contains("\"type\":\"session.update\"")) {
      ws.writeTextMessage(
          "{\"type\":\"session.updated\",\"event_id\":\"event_su\",\"session\":{\"type\":"
              + "\"realtime\",\"object\":\"realtime.session\",\"id\":\"sess_"
              + session
              + "\",\"model\":\"gpt-realtime\",\"audio\":{\"input\":{\"format\":{\"type\":"
              + "\"audio/pcmu\"}},\"output\":{\"format\":{\"type\":\"audio/pcmu\"}}}}}");
    } else if (text.contains("\"type\":\"response.create\"")) {
      greet();
    }
  }

  private void greet() {
    String response = "resp_" + session + "_" + (++responses);
    String item = "item_" + session + "_" + responses;
    ws.writeTextMessage(
        "{\"type\":\"response.created\",\"event_id\":\"event_rc\",\"response\":{\"id\":\""
            + response
            + "\",\"object\":\"realtime.response\",\"status\":\"in_progress\",\"output\":[]}}");
    ws.writeTextMessage(
        "{\"type\":\"response.output_audio.delta\",\"event_id\":\"event_g\",\"response_id\":\""
            + response
            + "\",\"item_id\":\""
            + item
            + "\",\"output_index\":0,\"content_index\":0,\"delta\":\""
            + GREETING
            + "\"}");
    ws.writeTextMessage(
        "{\"type\":\"response.done\",\"event_id\":\"event_rd\",\"response\":{\"id\":\""
            + response
            + "\",\"object\":\"realtime.response\",\"status\":\"completed\",\"output\":[],"
            + "\"usage\":{\"total_tokens\":30,\"input_tokens\":10,\"output_tokens\":20,"
            + "\"input_token_details\":{\"text_tokens\":10,\"audio_tokens\":0},"
            + "\"output_token_details\":{\"text_tokens\":0,\"audio_tokens\":20}}}}");
  }
}
