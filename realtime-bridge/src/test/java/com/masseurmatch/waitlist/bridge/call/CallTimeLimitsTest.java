package com.masseurmatch.waitlist.bridge.call;

import static com.masseurmatch.waitlist.bridge.call.CallTimeLimits.Action.CHECK_SILENCE;
import static com.masseurmatch.waitlist.bridge.call.CallTimeLimits.Action.GOODBYE_SILENT;
import static com.masseurmatch.waitlist.bridge.call.CallTimeLimits.Action.HANG_UP;
import static com.masseurmatch.waitlist.bridge.call.CallTimeLimits.Action.NONE;
import static com.masseurmatch.waitlist.bridge.call.CallTimeLimits.Action.WARN;
import static com.masseurmatch.waitlist.bridge.call.CallTimeLimits.Action.WRAP_UP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallTimeLimitsTest {

  private static final long S = 1_000_000_000L;

  private final CallTimeLimits limits =
      new CallTimeLimits(
          0, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofSeconds(20), 2);

  @Test
  void aSilentCallerIsCheckedOnTwiceThenToldGoodbye() {
    assertEquals(NONE, limits.next(19 * S, true, false));
    assertEquals(CHECK_SILENCE, limits.next(20 * S, true, false));
    assertEquals(NONE, limits.next(39 * S, true, false));
    assertEquals(CHECK_SILENCE, limits.next(40 * S, true, false));
    assertEquals(GOODBYE_SILENT, limits.next(60 * S, true, false));
  }

  @Test
  void speechStartsTheCheckInsOver() {
    assertEquals(CHECK_SILENCE, limits.next(20 * S, true, false));
    limits.callerSpoke(30 * S);
    assertEquals(NONE, limits.next(49 * S, true, false));
    assertEquals(CHECK_SILENCE, limits.next(50 * S, true, false));
    assertEquals(CHECK_SILENCE, limits.next(70 * S, true, false));
  }

  @Test
  void nothingInterruptsABusyCall() {
    assertEquals(NONE, limits.next(100 * S, false, false));
    assertEquals(NONE, limits.next(100 * S, true, true));
  }

  @Test
  void theLengthLimitWarnsWrapsUpAndFinallyHangsUp() {
    limits.activity(839 * S);
    assertEquals(WARN, limits.next(840 * S, true, false));
    limits.activity(899 * S);
    assertEquals(WRAP_UP, limits.next(900 * S, true, false));
    assertEquals(NONE, limits.next(910 * S, false, false));
    assertEquals(HANG_UP, limits.next(930 * S, false, false));
  }
}
