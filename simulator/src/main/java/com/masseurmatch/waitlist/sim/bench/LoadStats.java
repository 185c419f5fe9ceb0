package com.masseurmatch.waitlist.sim.bench;

import org.HdrHistogram.Histogram;

/**
 * What one load pass saw. Written only from the load generator's single event loop; read after the
 * pass has ended.
 */
final class LoadStats {

  private static final long MAX_MICROS = 120_000_000L;

  /** Round trip of one caller frame: sent to the bridge until its echo came back. */
  final Histogram roundTrip = new Histogram(MAX_MICROS, 3);

  /** The same, for frames sent once every call was streaming (after the ramp). */
  final Histogram roundTripSteady = new Histogram(MAX_MICROS, 3);

  /** When the ramp is over: frames sent from then on count as steady. */
  long steadyFrom = Long.MAX_VALUE;

  /** Twilio {@code start} sent until the first audio frame came back. */
  final Histogram firstAudio = new Histogram(MAX_MICROS, 3);

  /** How late the generator sent each frame against its 20 ms schedule. */
  final Histogram sendLag = new Histogram(MAX_MICROS, 3);

  int connected;
  int failed;
  int closedEarly;
  long framesSent;
  long framesEchoed;
  long lostBeforeFirstEcho;
  long lostMidCall;
  long duplicates;
  long otherAudio;
  long marksAcked;
  long clears;

  static void record(Histogram histogram, long nanos) {
    histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
  }

  long lost() {
    return lostBeforeFirstEcho + lostMidCall;
  }
}
