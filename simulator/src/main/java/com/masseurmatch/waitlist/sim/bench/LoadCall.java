package com.masseurmatch.waitlist.sim.bench;

import com.masseurmatch.waitlist.testkit.twilio.MediaStreamFrames;
import com.masseurmatch.waitlist.testkit.twilio.PlaybackClock;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * One simulated Twilio call for the load run: {@code connected}, {@code start} with a valid token,
 * then a 160-byte u-law frame every 20 ms on a drift-free schedule (late ticks catch up, and the
 * lateness is recorded), marks echoed when the audio before them would have finished playing,
 * {@code stop} at the end. Each frame carries the call's index and its sequence number in its first
 * bytes, so its echo is matched to the moment it was sent. Runs on one event loop.
 */
final class LoadCall {

  private static final long FRAME_NANOS = 20_000_000L;
  private static final int FRAME_BYTES = 160;
  private static final byte TAG = 0x5A;
  private static final String ACCOUNT_SID = "AC" + "0".repeat(32);

  private final Vertx vertx;
  private final LoadStats stats;
  private final int index;
  private final String callSid;
  private final String streamSid;
  private final byte[] audio = new byte[FRAME_BYTES];
  private final long[] sentAt;
  private final PlaybackClock playback = new PlaybackClock();
  private WebSocket ws;
  private long timer = -1;
  private long startedAt;
  private long firstAudioAt;
  private long sequence = 1;
  private int sent;
  private int firstEchoed;
  private boolean sending;
  private boolean hungUp;
  private final Runnable done;

  LoadCall(Vertx vertx, LoadStats stats, int index, String runId, int maxFrames, Runnable done) {
    this.vertx = vertx;
    this.stats = stats;
    this.index = index;
    this.callSid = sid("CA", runId, index);
    this.streamSid = sid("MZ", runId, index);
    this.sentAt = new long[maxFrames + 2];
    this.done = done;
    Arrays.fill(audio, (byte) 0xFF);
  }

  static String sid(String prefix, String runId, int index) {
    String digits = runId + String.format("%08x", index);
    return prefix + "0".repeat(Math.max(0, 32 - digits.length())) + digits;
  }

  String callSid() {
    return callSid;
  }

  void open(WebSocketClient client, WebSocketConnectOptions options, String token, long seconds) {
    client
        .connect(options)
        .onSuccess(
            socket -> {
              ws = socket;
              stats.connected++;
              socket.textMessageHandler(this::onFrame);
              socket.closeHandler(v -> onClosed());
              socket.writeTextMessage(MediaStreamFrames.connected());
              socket.writeTextMessage(
                  MediaStreamFrames.start(ACCOUNT_SID, callSid, streamSid, Map.of("token", token)));
              startedAt = System.nanoTime();
              sending = true;
              timer = vertx.setPeriodic(FRAME_NANOS / 1_000_000, id -> tick());
              vertx.setTimer(seconds * 1000, id -> sending = false);
              vertx.setTimer(seconds * 1000 + 1500, id -> hangUp());
            })
        .onFailure(
            e -> {
              stats.failed++;
              finish();
            });
  }

  private void tick() {
    long now = System.nanoTime();
    if (sending) {
      // drift-free: every frame due by now is sent, however late this tick fired
      while (startedAt + (sent + 1) * FRAME_NANOS <= now && sent + 1 < sentAt.length) {
        sendFrame(now, startedAt + (sent + 1) * FRAME_NANOS);
      }
    }
    playback.due(now, this::ackMark);
  }

  private void sendFrame(long now, long due) {
    int seq = ++sent;
    ByteBuffer.wrap(audio).putInt(0, index).putInt(4, seq).put(8, TAG);
    String payload = Base64.getEncoder().encodeToString(audio);
    LoadStats.record(stats.sendLag, now - due);
    sentAt[seq] = System.nanoTime();
    stats.framesSent++;
    ws.writeTextMessage(MediaStreamFrames.media(streamSid, ++sequence, seq, seq * 20L, payload));
  }

  private void ackMark(String name) {
    stats.marksAcked++;
    ws.writeTextMessage(MediaStreamFrames.mark(streamSid, ++sequence, name));
  }

  private void onFrame(String frame) {
    long now = System.nanoTime();
    switch (MediaStreamFrames.kind(frame)) {
      case MEDIA -> onAudio(now, MediaStreamFrames.payload(frame));
      case MARK -> {
        String name = MediaStreamFrames.markName(frame);
        if (name != null) {
          playback.mark(name, now);
        }
      }
      case CLEAR -> {
        stats.clears++;
        playback.clear(now, this::ackMark);
      }
      case OTHER -> {}
    }
  }

  private void onAudio(long now, String payload) {
    if (payload == null) {
      return;
    }
    if (firstAudioAt == 0) {
      firstAudioAt = now;
      LoadStats.record(stats.firstAudio, now - startedAt);
    }
    int bytes = payload.length() / 4 * 3;
    playback.audio(bytes, now);
    int seq = echoedSequence(payload);
    if (seq <= 0) {
      stats.otherAudio++;
      return;
    }
    if (seq >= sentAt.length || sentAt[seq] == 0) {
      stats.duplicates++;
      return;
    }
    LoadStats.record(stats.roundTrip, now - sentAt[seq]);
    if (sentAt[seq] >= stats.steadyFrom) {
      LoadStats.record(stats.roundTripSteady, now - sentAt[seq]);
    }
    sentAt[seq] = 0;
    stats.framesEchoed++;
    if (firstEchoed == 0) {
      firstEchoed = seq;
    }
  }

  /** The sequence number this call wrote into the frame, or 0 for audio that is not an echo. */
  private int echoedSequence(String payload) {
    if (payload.length() < 12) {
      return 0;
    }
    byte[] head = Base64.getDecoder().decode(payload.substring(0, 12));
    ByteBuffer buffer = ByteBuffer.wrap(head);
    if (head[8] != TAG || buffer.getInt(0) != index) {
      return 0;
    }
    return buffer.getInt(4);
  }

  private void hangUp() {
    if (hungUp) {
      return;
    }
    hungUp = true;
    if (ws != null && !ws.isClosed()) {
      ws.writeTextMessage(MediaStreamFrames.stop(ACCOUNT_SID, callSid, streamSid, ++sequence));
      ws.close();
    }
    finish();
  }

  private void onClosed() {
    if (!hungUp) {
      stats.closedEarly++;
      hungUp = true;
      finish();
    }
  }

  private void finish() {
    vertx.cancelTimer(timer);
    for (int seq = 1; seq <= sent; seq++) {
      if (sentAt[seq] != 0) {
        if (firstEchoed == 0 || seq < firstEchoed) {
          stats.lostBeforeFirstEcho++;
        } else {
          stats.lostMidCall++;
        }
      }
    }
    done.run();
  }
}
