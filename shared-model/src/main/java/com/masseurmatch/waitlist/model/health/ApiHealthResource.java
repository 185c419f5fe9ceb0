package com.masseurmatch.waitlist.model.health;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /api/health} on both services: the original deployment's curl check; 503 while the
 * store is down. Each service supplies its {@link ServiceStatusReporter}; Quarkus finds this
 * resource in the shared library's index.
 */
@Path("/api/health")
public class ApiHealthResource {

  private final ServiceStatusReporter reporter;

  ApiHealthResource(ServiceStatusReporter reporter) {
    this.reporter = reporter;
  }

  @GET
  @Blocking
  @Produces(MediaType.APPLICATION_JSON)
  public RestResponse<ServiceStatus> health() {
    ServiceStatus status = reporter.current();
    return status.ok()
        ? RestResponse.ok(status)
        : RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE, status);
  }
}
