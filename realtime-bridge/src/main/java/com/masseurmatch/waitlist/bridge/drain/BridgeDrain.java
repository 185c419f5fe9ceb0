package com.masseurmatch.waitlist.bridge.drain;

import com.masseurmatch.waitlist.bridge.admission.BridgeGate;
import com.masseurmatch.waitlist.bridge.call.CallRegistry;
import com.masseurmatch.waitlist.bridge.call.CallSession;
import com.masseurmatch.waitlist.bridge.config.BridgeConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Graceful shutdown for WebSocket calls, which Quarkus' HTTP shutdown does not wait for. On SIGTERM
 * readiness goes down at once and new streams go to the fallback; live calls continue up to {@code
 * BRIDGE_DRAIN_LIMIT}; whatever is still running then is redirected to the IVR's fallback before
 * the process exits.
 */
@Singleton
public class BridgeDrain {

  private final BridgeGate gate;
  private final CallRegistry registry;
  private final BridgeConfig config;

  BridgeDrain(BridgeGate gate, CallRegistry registry, BridgeConfig config) {
    this.gate = gate;
    this.registry = registry;
    this.config = config;
  }

  /**
   * Runs at the start of Quarkus' shutdown delay, while the HTTP server and every WebSocket are
   * still fully up: holds the shutdown until the calls end or the drain limit passes.
   */
  void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) throws InterruptedException {
    drain(config.drainLimit().toNanos());
  }

  /** Without a shutdown delay (or after it), whatever is left goes to the fallback at once. */
  void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
    drain(0);
  }

  private void drain(long limitNanos) throws InterruptedException {
    gate.startDraining();
    Log.infof("draining: %d calls in progress, no new calls", registry.activeCalls());
    long deadline = System.nanoTime() + limitNanos;
    while (registry.activeCalls() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    int left = 0;
    for (CallSession session : registry.sessions()) {
      session.redirectNow("shutdown");
      left++;
    }
    Log.infof("drained: %d calls redirected to the fallback at the drain limit", left);
  }
}
