package com.masseurmatch.waitlist.bridge.call;

import java.time.Duration;

/**
 * Decides, once a second, what a call's length and the caller's silence call for: nothing, a
 * warning that time is nearly up, wrapping up at the maximum, checking on a silent caller, saying
 * goodbye to one, or hanging up 30 s past the maximum. Pure: times are passed in (nanoseconds).
 */
final class CallTimeLimits {

  /** What to do now. */
  enum Action {
    NONE,
    WARN,
    WRAP_UP,
    CHECK_SILENCE,
    GOODBYE_SILENT,
    HANG_UP
  }

  private static final long GRACE_NANOS = Duration.ofSeconds(30).toNanos();

  private final long startedNanos;
  private final long maxNanos;
  private final long warnAtNanos;
  private final long silenceNanos;
  private final int silencePrompts;
  private long lastActivityNanos;
  private int promptsUsed;
  private boolean warned;
  private boolean wrappingUp;

  CallTimeLimits(
      long startedNanos,
      Duration maxCallLength,
      Duration warning,
      Duration silenceTimeout,
      int silencePrompts) {
    this.startedNanos = startedNanos;
    this.maxNanos = maxCallLength.toNanos();
    this.warnAtNanos = maxCallLength.minus(warning).toNanos();
    this.silenceNanos = silenceTimeout.toNanos();
    this.silencePrompts = silencePrompts;
    this.lastActivityNanos = startedNanos;
  }

  /** Someone spoke or Knotty finished playing: silence counts from now. */
  void activity(long nowNanos) {
    lastActivityNanos = nowNanos;
  }

  /** The caller spoke: silence counts from now, and the check-ins start over. */
  void callerSpoke(long nowNanos) {
    lastActivityNanos = nowNanos;
    promptsUsed = 0;
  }

  /**
   * @param idle nothing is being said or done (no response, tool or playback in progress)
   * @param ending the call is already being ended
   */
  Action next(long nowNanos, boolean idle, boolean ending) {
    long elapsed = nowNanos - startedNanos;
    if (elapsed >= maxNanos + GRACE_NANOS) {
      return Action.HANG_UP;
    }
    if (!idle || ending) {
      return Action.NONE;
    }
    if (elapsed >= maxNanos && !wrappingUp) {
      wrappingUp = true;
      return Action.WRAP_UP;
    }
    if (elapsed >= warnAtNanos && !warned) {
      warned = true;
      return Action.WARN;
    }
    if (nowNanos - lastActivityNanos >= silenceNanos) {
      lastActivityNanos = nowNanos;
      if (promptsUsed < silencePrompts) {
        promptsUsed++;
        return Action.CHECK_SILENCE;
      }
      wrappingUp = true;
      return Action.GOODBYE_SILENT;
    }
    return Action.NONE;
  }
}
