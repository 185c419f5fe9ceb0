package com.masseurmatch.waitlist.bridge.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.bridge.admission.StreamAdmission;
import com.masseurmatch.waitlist.bridge.call.CallServices;
import com.masseurmatch.waitlist.bridge.frame.MalformedFrameException;
import com.masseurmatch.waitlist.bridge.openai.RealtimeConnector;
import com.masseurmatch.waitlist.bridge.openai.RealtimeServerFrames;
import com.masseurmatch.waitlist.bridge.twilio.TwilioMessage;
import com.masseurmatch.waitlist.bridge.twilio.TwilioSideFrames;
import com.masseurmatch.waitlist.model.stream.StreamContract;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Warms the bridge up before it reports ready, so its first callers meet compiled code: {@code
 * BRIDGE_WARMUP_CALLS} synthetic calls stream through its own {@code /media-stream} for {@code
 * BRIDGE_WARMUP_LENGTH}, with audio echoed by a loopback stand-in for OpenAI ({@link
 * LoopbackRealtime}). They take the real path (admission, token, codecs, the call, both sockets,
 * marks) with untraced services: no records, no metrics, no log lines, no Twilio or OpenAI API. A
 * cold bridge otherwise answers its first callers late (docs/benchmarks.md).
 */
@Singleton
public class BridgeWarmup {

  static final String PARAMETER = "warmup";
  private static final String PAYLOAD = "/".repeat(212) + "/w==";

  private final CallServices services;
  private final StreamAdmission admission;
  private final StreamTokens tokens;
  private final RealtimeConnector connector;
  private final TwilioSideFrames twilioFrames;
  private final RealtimeServerFrames realtimeFrames;
  private volatile boolean done;

  BridgeWarmup(
      CallServices services,
      StreamAdmission admission,
      StreamTokens tokens,
      RealtimeConnector connector,
      ObjectMapper json) {
    this.services = services;
    this.admission = admission;
    this.tokens = tokens;
    this.connector = connector;
    this.twilioFrames = new TwilioSideFrames(json);
    this.realtimeFrames = new RealtimeServerFrames(json);
  }

  /** Whether the warm-up has finished (or was skipped); readiness waits for it. */
  public boolean done() {
    return done;
  }

  void onStart(@Observes StartupEvent event) {
    int calls = services.config().warmup().warmupCalls();
    if (calls <= 0) {
      done = true;
      return;
    }
    Vertx vertx = services.vertx();
    long began = System.nanoTime();
    long length = services.config().warmup().warmupLength().toMillis();
    // readiness must not wait forever on a warm-up that went wrong
    vertx.setTimer(length + 15_000, id -> finish(began, "timed out"));
    LoopbackRealtime.start(vertx, realtimeFrames)
        .onFailure(e -> finish(began, e.toString()))
        .onSuccess(
            loopback -> {
              CallServices untraced =
                  services.untraced(
                      connector.aimedAt(URI.create(loopback.url()), LoopbackRealtime.KEY));
              admission.divert(start -> ours(start) ? untraced : null);
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
                call(vertx, client, port, i, length, oneDone);
              }
            });
  }

  private boolean ours(TwilioMessage.Start start) {
    return !done && "1".equals(start.customParameters().get(PARAMETER));
  }

  private void call(
      Vertx vertx, WebSocketClient client, int port, int index, long length, Runnable done) {
    String callSid = String.format("CA%032x", index);
    String streamSid = String.format("MZ%032x", index);
    client
        .connect(
            new WebSocketConnectOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                .setURI(StreamContract.MEDIA_STREAM_PATH))
        .onFailure(e -> done.run())
        .onSuccess(ws -> stream(vertx, ws, callSid, streamSid, length, done));
  }

  private void stream(
      Vertx vertx, WebSocket ws, String callSid, String streamSid, long length, Runnable done) {
    ws.textMessageHandler(
        frame -> {
          // Twilio echoes each mark once the audio before it has played; here at once
          try {
            if (services.twilioCodec().decode(frame) instanceof TwilioMessage.Mark mark) {
              ws.writeTextMessage(twilioFrames.mark(streamSid, mark.name()));
            }
          } catch (MalformedFrameException e) {
            // the bridge's media frames carry no timestamp: not needed here
          }
        });
    ws.writeTextMessage(twilioFrames.connected());
    ws.writeTextMessage(
        twilioFrames.start(
            streamSid,
            callSid,
            Map.of(StreamContract.TOKEN_PARAMETER, tokens.issue(callSid), PARAMETER, "1")));
    long[] chunk = {0};
    long timer =
        vertx.setPeriodic(
            20,
            id -> {
              chunk[0]++;
              ws.writeTextMessage(twilioFrames.media(streamSid, chunk[0], chunk[0] * 20, PAYLOAD));
            });
    vertx.setTimer(
        length,
        id -> {
          vertx.cancelTimer(timer);
          ws.writeTextMessage(twilioFrames.stop(streamSid, callSid));
          ws.close().onComplete(v -> done.run());
        });
  }

  private synchronized void finish(long began, String problem) {
    if (done) {
      return;
    }
    done = true;
    admission.divert(start -> null);
    long ms = (System.nanoTime() - began) / 1_000_000;
    if (problem == null) {
      Log.infof("warmed up in %d ms; ready for calls", ms);
    } else {
      Log.warnf("warm-up stopped after %d ms (%s); ready for calls anyway", ms, problem);
    }
  }
}
