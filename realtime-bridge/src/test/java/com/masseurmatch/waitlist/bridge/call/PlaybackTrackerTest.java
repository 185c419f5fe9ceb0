package com.masseurmatch.waitlist.bridge.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.bridge.call.PlaybackTracker.Truncation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaybackTrackerTest {

  private final PlaybackTracker tracker = new PlaybackTracker();

  /** Sends {@code chunks} chunks of 100 ms (800 bytes) of an item at call time {@code at}. */
  private List<String> send(String item, int chunks, long at) {
    List<String> marks = new ArrayList<>();
    for (int i = 0; i < chunks; i++) {
      marks.add(tracker.onAudioSent(item, 800, at).markAfter());
    }
    return marks;
  }

  @Test
  void bargeInBeforeAnyMarkCountsTheTimeSincePlaybackStarted() {
    send("item_a", 5, 1000);
    assertEquals(Optional.of(new Truncation("item_a", 40)), tracker.onBargeIn(1040));
  }

  @Test
  void acknowledgedChunksPlusThePartNowPlaying() {
    List<String> marks = send("item_a", 5, 1000);
    tracker.onMark(marks.get(0), 1100);
    tracker.onMark(marks.get(1), 1200);
    assertEquals(Optional.of(new Truncation("item_a", 230)), tracker.onBargeIn(1230));
  }

  @Test
  void thePlayingPartNeverExceedsItsChunk() {
    List<String> marks = send("item_a", 2, 1000);
    tracker.onMark(marks.get(0), 1100);
    // the caller's clock ran on (late echo): at most the second chunk's 100 ms
    assertEquals(Optional.of(new Truncation("item_a", 200)), tracker.onBargeIn(5000));
  }

  @Test
  void neverZeroAndNeverMoreThanWasSent() {
    send("item_a", 1, 1000);
    assertEquals(Optional.of(new Truncation("item_a", 1)), tracker.onBargeIn(1000));
  }

  @Test
  void nothingPlayingMeansNoBargeIn() {
    List<String> marks = send("item_a", 2, 1000);
    marks.forEach(m -> tracker.onMark(m, 1200));
    assertFalse(tracker.isPlaying());
    assertEquals(Optional.empty(), tracker.onBargeIn(3000));
  }

  @Test
  void aNewItemStartsItsOwnCountAfterAReplyFinishedNormally() {
    send("item_a", 3, 1000).forEach(m -> tracker.onMark(m, 1300));
    // a later reply starts playing at 5000; the old start time must not leak into it
    send("item_b", 3, 5000);
    assertEquals(Optional.of(new Truncation("item_b", 50)), tracker.onBargeIn(5050));
  }

  @Test
  void aNewItemQueuedBehindTheOldOneHasHeardNothingYet() {
    send("item_a", 2, 1000);
    send("item_b", 2, 1050);
    assertEquals(Optional.of(new Truncation("item_b", 1)), tracker.onBargeIn(1100));
  }

  @Test
  void marksEchoedAfterAClearAreIgnored() {
    List<String> first = send("item_a", 3, 1000);
    tracker.onBargeIn(1050);
    List<String> second = send("item_b", 2, 2000);
    for (String stale : first) {
      assertFalse(tracker.onMark(stale, 2010), "a cleared mark must not count");
    }
    assertTrue(tracker.isPlaying());
    tracker.onMark(second.get(0), 2100);
    assertEquals(Optional.of(new Truncation("item_b", 120)), tracker.onBargeIn(2120));
  }

  @Test
  void audioOfACutItemIsDropped() {
    send("item_a", 2, 1000);
    tracker.onBargeIn(1010);
    assertFalse(tracker.onAudioSent("item_a", 800, 1020).play());
    assertFalse(tracker.isPlaying());
  }

  @Test
  void smallDeltasShareOneMarkPerHundredMilliseconds() {
    for (int i = 0; i < 4; i++) {
      var send = tracker.onAudioSent("item_a", 160, 1000);
      assertTrue(send.play());
      assertNull(send.markAfter(), "20 ms deltas are grouped until 100 ms");
    }
    String mark = tracker.onAudioSent("item_a", 160, 1000).markAfter();
    assertNotNull(mark);
    tracker.onAudioSent("item_a", 160, 1000);
    String tail = tracker.endOfAudio().orElseThrow();
    assertTrue(tracker.onMark(mark, 1100));
    assertTrue(tracker.isPlaying(), "the last 20 ms are still playing");
    assertEquals(Optional.of(new Truncation("item_a", 110)), tracker.onBargeIn(1110));
    assertFalse(tracker.onMark(tail, 1120), "a cleared mark must not count");
  }

  @Test
  void aNewItemClosesTheChunkOfTheLastOneBeforeItsAudio() {
    tracker.onAudioSent("item_a", 160, 1000);
    var send = tracker.onAudioSent("item_b", 160, 1020);
    assertNotNull(send.markBefore());
    assertNull(send.markAfter());
    assertTrue(tracker.onMark(send.markBefore(), 1020));
    assertTrue(tracker.isPlaying());
    assertEquals(Optional.of(new Truncation("item_b", 10)), tracker.onBargeIn(1030));
  }
}
