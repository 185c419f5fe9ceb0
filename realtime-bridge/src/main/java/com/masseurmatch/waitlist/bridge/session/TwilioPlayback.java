package com.masseurmatch.waitlist.bridge.session;

import com.masseurmatch.waitlist.bridge.openai.RealtimeCodec;
import com.masseurmatch.waitlist.bridge.twilio.TwilioCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Knotty's audio on its way to the caller: each delta as a Twilio {@code media} frame, followed by
 * the marks whose echoes tell the {@link PlaybackTracker} how much the caller has heard (written in
 * the same socket write as their audio), a {@code clear} on barge-in, and named marks such as the
 * end of the call.
 */
final class TwilioPlayback {

  private final PlaybackTracker tracker = new PlaybackTracker();
  private final FrameWriter out;
  private final String streamSid;

  TwilioPlayback(FrameWriter out, String streamSid) {
    this.out = out;
    this.streamSid = streamSid;
  }

  /**
   * Sends a delta of {@code item}'s audio at call time {@code nowMs}.
   *
   * @return false when it was not played: it belongs to an item cut off by barge-in
   */
  boolean play(String item, String base64Audio, long nowMs) {
    PlaybackTracker.Send send =
        tracker.onAudioSent(item, RealtimeCodec.decodedLength(base64Audio), nowMs);
    if (!send.play()) {
      return false;
    }
    String media = TwilioCodec.media(streamSid, base64Audio);
    if (send.markBefore() == null && send.markAfter() == null) {
      out.write(media);
      return true;
    }
    List<String> frames = new ArrayList<>(3);
    if (send.markBefore() != null) {
      frames.add(TwilioCodec.mark(streamSid, send.markBefore()));
    }
    frames.add(media);
    if (send.markAfter() != null) {
      frames.add(TwilioCodec.mark(streamSid, send.markAfter()));
    }
    out.write(frames);
    return true;
  }

  /** The item's audio is complete: the chunk still filling gets its mark. */
  void audioDone() {
    tracker.endOfAudio().ifPresent(this::mark);
  }

  /** Twilio echoed a mark: the audio before it has played. */
  void onMark(String name, long nowMs) {
    tracker.onMark(name, nowMs);
  }

  boolean isPlaying() {
    return tracker.isPlaying();
  }

  /**
   * The caller spoke over Knotty: Twilio drops the audio it still holds.
   *
   * @return where to cut Knotty's item at OpenAI; empty when nothing was playing
   */
  Optional<PlaybackTracker.Truncation> bargeIn(long nowMs) {
    if (!tracker.isPlaying()) {
      return Optional.empty();
    }
    Optional<PlaybackTracker.Truncation> cut = tracker.onBargeIn(nowMs);
    out.write(TwilioCodec.clear(streamSid));
    return cut;
  }

  /** A mark that Twilio echoes once everything sent before it has played. */
  void mark(String name) {
    out.write(TwilioCodec.mark(streamSid, name));
  }
}
