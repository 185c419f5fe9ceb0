package com.masseurmatch.waitlist.bridge.call;

import com.masseurmatch.waitlist.bridge.frame.FrameWriter;
import com.masseurmatch.waitlist.bridge.openai.RealtimeCodec;
import com.masseurmatch.waitlist.bridge.twilio.TwilioCodec;
import java.util.Optional;

/**
 * Knotty's audio on its way to the caller: each delta as a Twilio {@code media} frame, followed by
 * the marks whose echoes tell the {@link PlaybackTracker} how much the caller has heard, a {@code
 * clear} on barge-in, and named marks such as the end of the call. Times are the call's clock: the
 * timestamp of the caller's latest media frame.
 */
final class TwilioPlayback {

  private final PlaybackTracker tracker = new PlaybackTracker();
  private final FrameWriter out;
  private final String streamSid;
  private long clockMs;

  TwilioPlayback(FrameWriter out, String streamSid) {
    this.out = out;
    this.streamSid = streamSid;
  }

  /** The call's clock moved on: a caller frame with this timestamp arrived. */
  void clock(long nowMs) {
    clockMs = nowMs;
  }

  /**
   * Sends a delta of {@code item}'s audio.
   *
   * @return false when it was not played: it belongs to an item cut off by barge-in
   */
  boolean play(String item, String base64Audio) {
    PlaybackTracker.Send send =
        tracker.onAudioSent(item, RealtimeCodec.decodedLength(base64Audio), clockMs);
    if (!send.play()) {
      return false;
    }
    if (send.markBefore() != null) {
      mark(send.markBefore());
    }
    out.write(TwilioCodec.media(streamSid, base64Audio));
    if (send.markAfter() != null) {
      mark(send.markAfter());
    }
    return true;
  }

  /** Whether audio can go out now. */
  boolean writable() {
    return out.writable();
  }

  /** The item's audio is complete: the chunk still filling gets its mark. */
  void audioDone() {
    tracker.endOfAudio().ifPresent(this::mark);
  }

  /** Twilio echoed a mark: the audio before it has played. */
  void onMark(String name) {
    tracker.onMark(name, clockMs);
  }

  boolean isPlaying() {
    return tracker.isPlaying();
  }

  /**
   * The caller spoke over Knotty: Twilio drops the audio it still holds.
   *
   * @return where to cut Knotty's item at OpenAI; empty when nothing was playing
   */
  Optional<PlaybackTracker.Truncation> bargeIn() {
    if (!tracker.isPlaying()) {
      return Optional.empty();
    }
    Optional<PlaybackTracker.Truncation> cut = tracker.onBargeIn(clockMs);
    out.write(TwilioCodec.clear(streamSid));
    return cut;
  }

  /** A mark that Twilio echoes once everything sent before it has played. */
  void mark(String name) {
    out.write(TwilioCodec.mark(streamSid, name));
  }
}
