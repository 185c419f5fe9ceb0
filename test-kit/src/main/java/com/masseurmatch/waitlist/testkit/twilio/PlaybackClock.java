package com.masseurmatch.waitlist.testkit.twilio;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Twilio's side of playback on one stream: audio plays in order at 8 bytes a millisecond, a mark is
 * echoed once the audio sent before it has finished playing, and {@code clear} drops the queued
 * audio and echoes every mark still waiting.
 */
public final class PlaybackClock {

  private record Pending(long dueNanos, String name) {}

  private final ArrayDeque<Pending> marks = new ArrayDeque<>();
  private long playingUntil;

  /** {@code bytes} of u-law arrived at {@code now}: they play after what is queued. */
  public void audio(int bytes, long now) {
    playingUntil = Math.max(now, playingUntil) + bytes * 125_000L;
  }

  /** A mark arrived: due when the audio queued before it has played. */
  public void mark(String name, long now) {
    marks.addLast(new Pending(Math.max(now, playingUntil), name));
  }

  /** Echoes the marks whose audio has finished playing by {@code now}, in order. */
  public void due(long now, Consumer<String> echo) {
    while (!marks.isEmpty() && marks.peekFirst().dueNanos() <= now) {
      echo.accept(marks.removeFirst().name());
    }
  }

  /** {@code clear}: the queued audio is dropped and every waiting mark is echoed now. */
  public void clear(long now, Consumer<String> echo) {
    playingUntil = now;
    while (!marks.isEmpty()) {
      echo.accept(marks.removeFirst().name());
    }
  }
}
