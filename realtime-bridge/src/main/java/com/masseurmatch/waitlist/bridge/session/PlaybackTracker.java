package com.masseurmatch.waitlist.bridge.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Tracks how much of Knotty's audio the caller has actually heard, for barge-in.
 *
 * <p>Each chunk of audio sent to Twilio is followed by a mark; Twilio echoes a mark when the audio
 * before it has finished playing. Heard audio is the acknowledged chunks of the current item plus
 * the part of the chunk now playing, measured on the call's clock (Twilio media timestamps), since
 * the moment it started. u-law at 8 kHz is 8 bytes per millisecond. Marks echoed after a {@code
 * clear}, or of earlier items, never count toward the current item.
 */
public final class PlaybackTracker {

  private static final int BYTES_PER_MS = 8;

  private final Deque<Chunk> queued = new ArrayDeque<>();
  private String itemId;
  private long sentBytes;
  private long heardBytes;
  private long headStartedMs;
  private String cutItemId;
  private long sequence;

  /**
   * Records audio of {@code item} sent to Twilio at call time {@code nowMs}.
   *
   * @return the name of the mark to send after it, or empty when the audio belongs to an item cut
   *     off by barge-in and must not be played
   */
  public Optional<String> onAudioSent(String item, int bytes, long nowMs) {
    if (item != null && item.equals(cutItemId)) {
      return Optional.empty();
    }
    if (!Objects.equals(item, itemId)) {
      itemId = item;
      sentBytes = 0;
      heardBytes = 0;
    }
    if (queued.isEmpty()) {
      headStartedMs = nowMs;
    }
    sentBytes += bytes;
    String name = (item == null ? "audio" : item) + ":" + (++sequence);
    queued.addLast(new Chunk(name, item, bytes));
    return Optional.of(name);
  }

  /** Twilio echoed a mark: everything up to it has played. Unknown names are ignored. */
  public boolean onMark(String name, long nowMs) {
    if (queued.stream().noneMatch(chunk -> chunk.name().equals(name))) {
      return false;
    }
    Chunk chunk;
    do {
      chunk = queued.removeFirst();
      if (Objects.equals(chunk.itemId(), itemId)) {
        heardBytes += chunk.bytes();
      }
    } while (!chunk.name().equals(name));
    headStartedMs = nowMs;
    return true;
  }

  /** Whether audio sent to Twilio is still queued or playing. */
  public boolean isPlaying() {
    return !queued.isEmpty();
  }

  /**
   * The caller started speaking at {@code nowMs}. When audio is playing, forgets it and returns
   * where to truncate the current item: the heard milliseconds, at least 1 and at most what was
   * sent.
   */
  public Optional<Truncation> onBargeIn(long nowMs) {
    if (queued.isEmpty()) {
      return Optional.empty();
    }
    long heardMs = heardBytes / BYTES_PER_MS;
    Chunk head = queued.peekFirst();
    if (Objects.equals(head.itemId(), itemId)) {
      long playingMs = Math.max(0, nowMs - headStartedMs);
      heardMs += Math.min(playingMs, head.bytes() / BYTES_PER_MS);
    }
    long sentMs = sentBytes / BYTES_PER_MS;
    long audioEndMs = Math.max(1, Math.min(heardMs, sentMs));
    queued.clear();
    cutItemId = itemId;
    String cut = itemId;
    itemId = null;
    sentBytes = 0;
    heardBytes = 0;
    return cut == null ? Optional.empty() : Optional.of(new Truncation(cut, audioEndMs));
  }

  /** Where to cut an assistant item: the audio the caller heard. */
  public record Truncation(String itemId, long audioEndMs) {}

  private record Chunk(String name, String itemId, int bytes) {}
}
