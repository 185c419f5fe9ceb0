package com.masseurmatch.waitlist.bridge.session;

import com.masseurmatch.waitlist.bridge.openai.RealtimeConnector;
import com.masseurmatch.waitlist.bridge.twilio.TwilioCodec;
import com.masseurmatch.waitlist.bridge.twilio.TwilioMessage;
import com.masseurmatch.waitlist.model.token.StreamTokens;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Warms the bridge up before it reports ready, so its first callers meet compiled code: {@code
 * BRIDGE_WARMUP_CALLS} synthetic calls stream through its own {@code /media-stream} for {@code
 * BRIDGE_WARMUP_LENGTH}, with audio echoed by a loopback stand-in for OpenAI ({@link
 * LoopbackRealtime}). They take the real path (token, codecs, call session, both sockets, marks)
 * but leave no records, no metrics and never reach Twilio's or OpenAI's APIs. A cold bridge
 * otherwise answered its first caller about 0.4 s late (docs/benchmarks.md).
 */
@Singleton
public class BridgeWarmup {

  static final String PARAMETER = "warmup";
  private static final String PAYLOAD = "/".repeat(212) + "/w==";

  private final CallServices services;
  private final StreamTokens tokens;
  private final RealtimeConnector connector;
  private volatile boolean done;
  private volatile CallServices warmupServices;

  BridgeWarmup(CallServices services, StreamTokens tokens, RealtimeConnector connector) {
    this.services = services;
    this.tokens = tokens;
    this.connector = connector;
  }

  /** Whether the warm-up has finished (or was skipped); readiness waits for it. */
  public boolean done() {
    return done;
  }

  /** The services for a stream of the warm-up, or null for every other stream. */
  CallServices servicesFor(TwilioMessage.Start start) {
    CallServices synthetic = warmupServices;
    return !done && synthetic != null && "1".equals(start.customParameters().get(PARAMETER))
        ? synthetic
        : null;
  }

  void onStart(@Observes StartupEvent event) {
    int calls = services.config.warmupCalls();
    if (calls <= 0) {
      done = true;
      return;
    }
    Vertx vertx = services.vertx;
    long began = System.nanoTime();
    // readiness must not wait forever on a warm-up that went wrong
    vertx.setTimer(
        services.config.warmupLength().toMillis() + 15_000, id -> finish(began, "timed out"));
    LoopbackRealtime.start(vertx)
        .onFailure(e -> finish(began, e.toString()))
        .onSuccess(
            loopback -> {
              warmupServices =
                  services.forWarmup(
                      connector.aimedAt(URI.create(loopback.url()), LoopbackRealtime.KEY));
              WebSocketClient client = vertx.createWebSocketClient();
              AtomicInteger left = new AtomicInteger(calls);
              Runnable oneDone =
                  () -> {
                    if (left.decrementAndGet() == 0) {
                      client.close();
                      loopback.close();
                      finish(began, null);
                    }
                  };
              int port = ConfigProvider.getConfig().getValue("quarkus.http.port", Integer.class);
              for (int i = 0; i < calls; i++) {
                call(vertx, client, port, i, oneDone);
              }
            });
  }

  private void call(Vertx vertx, WebSocketClient client, int port, int index, Runnable done) {
    String callSid = String.format("CA%032x", index);
    String streamSid = String.format("MZ%032x", index);
    client
        .connect(
            new WebSocketConnectOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                .setURI("/media-stream"))
        .onFailure(e -> done.run())
        .onSuccess(ws -> stream(vertx, ws, callSid, streamSid, done));
  }

  private void stream(Vertx vertx, WebSocket ws, String callSid, String streamSid, Runnable done) {
    ws.textMessageHandler(
        frame -> {
          // Twilio echoes each mark once the audio before it has played; here at once
          int name = frame.indexOf("\"mark\":{\"name\":\"");
          if (name > 0) {
            int from = name + 16;
            ws.writeTextMessage(
                TwilioCodec.mark(streamSid, frame.substring(from, frame.indexOf('"', from))));
          }
        });
    ws.writeTextMessage("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
    ws.writeTextMessage(
        "{\"event\":\"start\",\"streamSid\":\""
            + streamSid
            + "\",\"start\":{\"streamSid\":\""
            + streamSid
            + "\",\"callSid\":\""
            + callSid
            + "\",\"customParameters\":{\"token\":\""
            + tokens.issue(callSid)
            + "\",\""
            + PARAMETER
            + "\":\"1\"},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000}}}");
    int[] chunk = {0};
    long timer =
        vertx.setPeriodic(
            20,
            id ->
                ws.writeTextMessage(
                    "{\"event\":\"media\",\"streamSid\":\""
                        + streamSid
                        + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\""
                        + ++chunk[0]
                        + "\",\"timestamp\":\""
                        + chunk[0] * 20
                        + "\",\"payload\":\""
                        + PAYLOAD
                        + "\"}}"));
    vertx.setTimer(
        services.config.warmupLength().toMillis(),
        id -> {
          vertx.cancelTimer(timer);
          ws.writeTextMessage(
              "{\"event\":\"stop\",\"streamSid\":\""
                  + streamSid
                  + "\",\"stop\":{\"callSid\":\""
                  + callSid
                  + "\"}}");
          ws.close().onComplete(v -> done.run());
        });
  }

  private synchronized void finish(long began, String problem) {
    if (done) {
      return;
    }
    done = true;
    warmupServices = null;
    long ms = (System.nanoTime() - began) / 1_000_000;
    if (problem == null) {
      Log.infof("warmed up in %d ms; ready for calls", ms);
    } else {
      Log.warnf("warm-up stopped after %d ms (%s); ready for calls anyway", ms, problem);
    }
  }
}
