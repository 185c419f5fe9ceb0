package com.masseurmatch.waitlist.bridge.health;

import com.masseurmatch.waitlist.bridge.admission.BridgeGate;
import com.masseurmatch.waitlist.bridge.call.CallRegistry;
import com.masseurmatch.waitlist.bridge.signup.UnsavedSignups;
import com.masseurmatch.waitlist.bridge.warmup.BridgeWarmup;
import com.masseurmatch.waitlist.model.outbox.SignupOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while warming up, draining, at the call cap, or while signups are held in memory
 * because the outbox cannot be written (an alarm: live calls continue, new ones go elsewhere), so
 * the IVR sends option 1 to its fallback. Reports active calls and the outbox depth.
 */
@Readiness
@ApplicationScoped
public class BridgeReadinessCheck implements HealthCheck {

  private final BridgeGate gate;
  private final CallRegistry registry;
  private final SignupOutbox outbox;
  private final BridgeWarmup warmup;
  private final UnsavedSignups unsaved;

  BridgeReadinessCheck(
      BridgeGate gate,
      CallRegistry registry,
      SignupOutbox outbox,
      BridgeWarmup warmup,
      UnsavedSignups unsaved) {
    this.gate = gate;
    this.registry = registry;
    this.outbox = outbox;
    this.warmup = warmup;
    this.unsaved = unsaved;
  }

  @Override
  public HealthCheckResponse call() {
    int active = registry.activeCalls();
    int held = unsaved.held();
    boolean up = warmup.done() && gate.admits(active) && held == 0;
    return HealthCheckResponse.named("calls")
        .status(up)
        .withData("active_calls", active)
        .withData("max_calls", gate.maxCalls())
        .withData("draining", gate.draining())
        .withData("warmed_up", warmup.done())
        .withData("outbox_depth", outbox.depth())
        .withData("signups_held_in_memory", held)
        .build();
  }
}
