package com.masseurmatch.waitlist.sim.call;

import com.masseurmatch.waitlist.testkit.twilio.MediaStreamFrames;
import com.masseurmatch.waitlist.testkit.twilio.PlaybackClock;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@code <Connect><Stream>} as Twilio runs it: {@code connected}, {@code start} with the custom
 * parameters, a 160-byte u-law frame of the caller's voice (a WAV file, then silence) every 20 ms,
 * marks echoed when the audio before them has finished playing, {@code clear} honoured (queued
 * audio dropped, its marks echoed), and {@code stop} when the caller hangs up. Reports whether the
 * server closed the stream (Twilio then runs the Connect action) or the caller hung up (the call is
 * over).
 */
final class MediaStreamCall {

  /** How the stream ended, and how much of the server's audio the caller heard. */
  record Outcome(boolean closedByServer, double secondsHeard, int clears) {}

  private MediaStreamCall() {}

  static Outcome run(
      String url,
      String accountSid,
      String callSid,
      Map<String, String> parameters,
      int listenSeconds,
      CallerVoice voice)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      CompletableFuture<Outcome> done = new CompletableFuture<>();
      URI target = URI.create(url);
      boolean secure = "wss".equals(target.getScheme());
      WebSocketConnectOptions options =
          new WebSocketConnectOptions()
              .setHost(target.getHost())
              .setPort(target.getPort() > 0 ? target.getPort() : secure ? 443 : 80)
              .setSsl(secure)
              .setURI(target.getRawPath());
      vertx
          .createWebSocketClient()
          .connect(options)
          .onFailure(done::completeExceptionally)
          .onSuccess(
              ws ->
                  new Stream(
                      vertx, ws, accountSid, callSid, parameters, listenSeconds, voice, done));
      return done.get(listenSeconds + 30L, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static final class Stream {
    private final Vertx vertx;
    private final WebSocket ws;
    private final String streamSid =
        "MZ" + Long.toHexString(System.nanoTime()) + "0000000000000000";
    private final String accountSid;
    private final String callSid;
    private final CompletableFuture<Outcome> done;
    private final CallerVoice voice;
    private final PlaybackClock playback = new PlaybackClock();
    private final long timer;
    private long sequence = 1;
    private long chunk;
    private long bytesHeard;
    private int clears;
    private boolean hungUp;

    Stream(
        Vertx vertx,
        WebSocket ws,
        String accountSid,
        String callSid,
        Map<String, String> parameters,
        int listenSeconds,
        CallerVoice voice,
        CompletableFuture<Outcome> done) {
      this.vertx = vertx;
      this.voice = voice;
      this.ws = ws;
      this.accountSid = accountSid;
      this.callSid = callSid;
      this.done = done;
      ws.textMessageHandler(this::onFrame);
      ws.closeHandler(v -> finish(!hungUp));
      ws.writeTextMessage(MediaStreamFrames.connected());
      ws.writeTextMessage(MediaStreamFrames.start(accountSid, callSid, streamSid, parameters));
      timer = vertx.setPeriodic(20, id -> tick());
      vertx.setTimer(listenSeconds * 1000L, id -> hangUp());
    }

    private void tick() {
      chunk++;
      ws.writeTextMessage(
          MediaStreamFrames.media(
              streamSid,
              ++sequence,
              chunk,
              chunk * 20,
              Base64.getEncoder().encodeToString(voice.nextFrame())));
      playback.due(System.nanoTime(), this::echoMark);
    }

    private void onFrame(String frame) {
      long now = System.nanoTime();
      switch (MediaStreamFrames.kind(frame)) {
        case MEDIA -> {
          String payload = MediaStreamFrames.payload(frame);
          int bytes = payload == null ? 0 : Base64.getDecoder().decode(payload).length;
          bytesHeard += bytes;
          playback.audio(bytes, now);
        }
        case MARK -> playback.mark(String.valueOf(MediaStreamFrames.markName(frame)), now);
        case CLEAR -> {
          clears++;
          playback.clear(now, this::echoMark);
        }
        case OTHER -> {}
      }
    }

    private void echoMark(String name) {
      ws.writeTextMessage(MediaStreamFrames.mark(streamSid, ++sequence, name));
    }

    private void hangUp() {
      if (hungUp || ws.isClosed()) {
        return;
      }
      hungUp = true;
      ws.writeTextMessage(MediaStreamFrames.stop(accountSid, callSid, streamSid, ++sequence));
      ws.close();
    }

    private void finish(boolean closedByServer) {
      vertx.cancelTimer(timer);
      done.complete(new Outcome(closedByServer, bytesHeard / 8000.0, clears));
    }
  }
}
