package com.masseurmatch.waitlist.bridge.admission;

import com.masseurmatch.waitlist.bridge.config.BridgeConfig;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;

/** Whether a new call may start: not while draining, not past the call cap. */
@Singleton
public class BridgeGate {

  private final int maxCalls;
  private final AtomicBoolean draining = new AtomicBoolean();

  BridgeGate(BridgeConfig config) {
    this.maxCalls = config.admission().maxCalls();
  }

  public boolean draining() {
    return draining.get();
  }

  public void startDraining() {
    draining.set(true);
  }

  public int maxCalls() {
    return maxCalls;
  }

  /** Whether a new call may start now, given the calls in progress. */
  public boolean admits(int activeCalls) {
    return !draining.get() && activeCalls < maxCalls;
  }
}
