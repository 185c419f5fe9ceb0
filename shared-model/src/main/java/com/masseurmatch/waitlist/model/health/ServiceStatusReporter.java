package com.masseurmatch.waitlist.model.health;

import com.masseurmatch.waitlist.model.store.StoreBackend;
import com.masseurmatch.waitlist.model.store.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Answers the simple health check both services expose at {@code GET /api/health}. */
@ApplicationScoped
public class ServiceStatusReporter {

  private final StoreBackend backend;
  private final String service;
  private final String version;

  ServiceStatusReporter(
      StoreBackend backend,
      @ConfigProperty(name = "quarkus.application.name") String service,
      @ConfigProperty(name = "quarkus.application.version") String version) {
    this.backend = backend;
    this.service = service;
    this.version = version;
  }

  /** Blocking: pings the store. */
  public ServiceStatus current() {
    try {
      backend.ping();
      return new ServiceStatus("ok", service, version, "up");
    } catch (StoreException e) {
      return new ServiceStatus("degraded", service, version, "down");
    }
  }
}
