package com.masseurmatch.waitlist.bridge.session;

import com.masseurmatch.waitlist.bridge.openai.RealtimeCodec;
import com.masseurmatch.waitlist.bridge.twilio.MalformedFrameException;
import com.masseurmatch.waitlist.bridge.twilio.TwilioCodec;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A synthetic pass over the per-frame code before the bridge reports ready, so its first callers do
 * not pay for a cold JIT: Twilio and OpenAI frames decoded and written, and playback tracked, as a
 * call streaming in both directions does ({@code BRIDGE_WARMUP_FRAMES} frames, 0 to skip). Runs on
 * its own thread; readiness stays down until it has finished.
 */
@Singleton
public class BridgeWarmup {

  private static final String STREAM = "MZ00000000000000000000000000000000";
  private static final String PAYLOAD = "/".repeat(212) + "/w==";

  private final CallServices services;
  private volatile boolean done;

  BridgeWarmup(CallServices services) {
    this.services = services;
  }

  public boolean done() {
    return done;
  }

  void onStart(@Observes StartupEvent event) {
    int frames = services.config.warmupFrames();
    if (frames <= 0) {
      done = true;
      return;
    }
    Thread thread = new Thread(() -> run(frames), "bridge-warmup");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(int frames) {
    long began = System.nanoTime();
    try {
      int bytes = 0;
      for (int i = 0; i < frames; i++) {
        bytes += frame(i);
      }
      Log.infof(
          "warmed up on %d synthetic frames (%d bytes) in %d ms",
          frames, bytes, (System.nanoTime() - began) / 1_000_000);
    } catch (MalformedFrameException | RuntimeException e) {
      Log.warnf("warm-up stopped early: %s", e.toString());
    } finally {
      done = true;
    }
  }

  /** One caller frame and its echo, as a live call handles them. */
  private int frame(int i) throws MalformedFrameException {
    TwilioCodec twilio = services.twilioCodec;
    RealtimeCodec openAi = services.realtimeCodec;
    PlaybackTracker playback = new PlaybackTracker();
    String media =
        "{\"event\":\"media\",\"sequenceNumber\":\""
            + i
            + "\",\"streamSid\":\""
            + STREAM
            + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\""
            + i
            + "\",\"timestamp\":\""
            + i * 20
            + "\",\"payload\":\""
            + PAYLOAD
            + "\"}}";
    var caller = (com.masseurmatch.waitlist.bridge.twilio.TwilioMessage.Media) twilio.decode(media);
    String append = RealtimeCodec.append(caller.payload());
    String delta =
        "{\"type\":\"response.output_audio.delta\",\"event_id\":\"event_"
            + i
            + "\",\"response_id\":\"resp_warm\",\"item_id\":\"item_warm\",\"output_index\":0,"
            + "\"content_index\":0,\"delta\":\""
            + PAYLOAD
            + "\"}";
    var knotty =
        (com.masseurmatch.waitlist.bridge.openai.RealtimeServerEvent.AudioDelta)
            openAi.decode(delta);
    var send =
        playback.onAudioSent(knotty.itemId(), RealtimeCodec.decodedLength(knotty.delta()), i);
    String out = TwilioCodec.media(STREAM, knotty.delta());
    String mark = send.markAfter() == null ? playback.endOfAudio().orElse("") : send.markAfter();
    twilio.decode(TwilioCodec.mark(STREAM, mark));
    playback.onMark(mark, i);
    return append.length() + out.length();
  }
}
