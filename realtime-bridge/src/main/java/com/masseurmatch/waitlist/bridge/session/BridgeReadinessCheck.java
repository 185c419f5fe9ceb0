package com.masseurmatch.waitlist.bridge.session;

import com.masseurmatch.waitlist.model.outbox.SignupOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while draining or at the call cap, so the IVR sends option 1 to its fallback. Reports
 * active calls and the outbox depth.
 */
@Readiness
@ApplicationScoped
public class BridgeReadinessCheck implements HealthCheck {

  private final BridgeGate gate;
  private final CallRegistry registry;
  private final SignupOutbox outbox;
  private final BridgeWarmup warmup;

  BridgeReadinessCheck(
      BridgeGate gate, CallRegistry registry, SignupOutbox outbox, BridgeWarmup warmup) {
    this.gate = gate;
    this.registry = registry;
    this.outbox = outbox;
    this.warmup = warmup;
  }

  @Override
  public HealthCheckResponse call() {
    int active = registry.activeCalls();
    boolean up = warmup.done() && gate.admits(active);
    return HealthCheckResponse.named("calls")
        .status(up)
        .withData("active_calls", active)
        .withData("max_calls", gate.maxCalls())
        .withData("draining", gate.draining())
        .withData("warmed_up", warmup.done())
        .withData("outbox_depth", outbox.depth())
        .build();
  }
}
