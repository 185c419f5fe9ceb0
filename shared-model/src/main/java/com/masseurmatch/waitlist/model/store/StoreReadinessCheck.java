package com.masseurmatch.waitlist.model.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the store answers. */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {

  private final StoreBackend backend;

  StoreReadinessCheck(StoreBackend backend) {
    this.backend = backend;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      backend.ping();
      return HealthCheckResponse.named("store")
          .up()
          .withData("backend", backend.description())
          .build();
    } catch (StoreException e) {
      return HealthCheckResponse.named("store")
          .down()
          .withData("backend", backend.description())
          .withData("error", e.getMessage())
          .build();
    }
  }
}
