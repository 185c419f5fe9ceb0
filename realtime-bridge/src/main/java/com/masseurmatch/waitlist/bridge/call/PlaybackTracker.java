package com.masseurmatch.waitlist.bridge.call;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Tracks how much of Knotty's audio the caller has actually heard, for barge-in.
 *
 * <p>Audio sent to Twilio is followed by marks; Twilio echoes a mark when the audio before it has
 * finished playing. Heard audio is the acknowledged chunks of the current item plus the part of the
 * chunk now playing, measured on the call's clock (Twilio media timestamps), since the moment it
 * started. u-law at 8 kHz is 8 bytes per millisecond. Marks echoed after a {@code clear}, or of
 * earlier items, never count toward the current item.
 *
 * <p>A chunk is at least {@link #MARK_EVERY_BYTES} of audio: small deltas are grouped under one
 * mark, which halves the frames written to Twilio when OpenAI streams 20 ms deltas, without making
 * barge-in less exact (the playing part is timed on the call's clock either way). The group still
 * open when an item's audio ends is closed by {@link #endOfAudio()}.
 */
public final class PlaybackTracker {

  /** 100 ms of u-law. */
  static final int MARK_EVERY_BYTES = 800;

  private static final int BYTES_PER_MS = 8;

  private final Deque<Chunk> queued = new ArrayDeque<>();
  private Chunk open;
  private String itemId;
  private long sentBytes;
  private long heardBytes;
  private long headStartedMs;
  private String cutItemId;
  private long sequence;

  /** What to do with audio: drop it, or play it with the marks to send before and after it. */
  public record Send(boolean play, String markBefore, String markAfter) {
    static final Send DROP = new Send(false, null, null);
  }

  /**
   * Records audio of {@code item} sent to Twilio at call time {@code nowMs}.
   *
   * @return whether to play it (not when it belongs to an item cut off by barge-in), a mark to send
   *     before it (closing the previous item's last chunk) and one to send after it (when its chunk
   *     is complete); either mark may be null
   */
  public Send onAudioSent(String item, int bytes, long nowMs) {
    if (item != null && item.equals(cutItemId)) {
      return Send.DROP;
    }
    String before = null;
    if (!Objects.equals(item, itemId)) {
      before = endOfAudio().orElse(null);
      itemId = item;
      sentBytes = 0;
      heardBytes = 0;
    }
    if (queued.isEmpty()) {
      headStartedMs = nowMs;
    }
    sentBytes += bytes;
    if (open == null) {
      open = new Chunk(item);
      queued.addLast(open);
    }
    open.bytes += bytes;
    String after = open.bytes >= MARK_EVERY_BYTES ? endOfAudio().orElse(null) : null;
    return new Send(true, before, after);
  }

  /**
   * Closes the chunk still being filled, if any: its mark is to be sent now. Called when an item's
   * audio is complete.
   */
  public Optional<String> endOfAudio() {
    if (open == null) {
      return Optional.empty();
    }
    open.name = (open.itemId == null ? "audio" : open.itemId) + ":" + (++sequence);
    String name = open.name;
    open = null;
    return Optional.of(name);
  }

  /** Twilio echoed a mark: everything up to it has played. Unknown names are ignored. */
  public boolean onMark(String name, long nowMs) {
    if (!isQueued(name)) {
      return false;
    }
    Chunk chunk;
    do {
      chunk = queued.removeFirst();
      if (Objects.equals(chunk.itemId, itemId)) {
        heardBytes += chunk.bytes;
      }
    } while (!name.equals(chunk.name));
    headStartedMs = nowMs;
    return true;
  }

  private boolean isQueued(String name) {
    for (Chunk chunk : queued) {
      if (name.equals(chunk.name)) {
        return true;
      }
    }
    return false;
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
    if (Objects.equals(head.itemId, itemId)) {
      long playingMs = Math.max(0, nowMs - headStartedMs);
      heardMs += Math.min(playingMs, head.bytes / BYTES_PER_MS);
    }
    long sentMs = sentBytes / BYTES_PER_MS;
    long audioEndMs = Math.max(1, Math.min(heardMs, sentMs));
    queued.clear();
    open = null;
    cutItemId = itemId;
    String cut = itemId;
    itemId = null;
    sentBytes = 0;
    heardBytes = 0;
    return cut == null ? Optional.empty() : Optional.of(new Truncation(cut, audioEndMs));
  }

  /** Where to cut an assistant item: the audio the caller heard. */
  public record Truncation(String itemId, long audioEndMs) {}

  /** Audio under one mark; the last one fills until it is named. */
  private static final class Chunk {
    private final String itemId;
    private String name;
    private int bytes;

    Chunk(String itemId) {
      this.itemId = itemId;
    }
  }
}
