package com.masseurmatch.waitlist.model.health;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The public port's health answers on both services, without details (those, and the metrics, are
 * on the management port): {@code GET /api/health}, the original deployment's curl check, 503 while
 * the store is down; {@code GET /api/health/ready} and {@code /live}, the verdicts alone, for hosts
 * with one port (Render, compose) and the IVR's probe of the bridge. Each service supplies its
 * {@link ServiceStatusReporter}; Quarkus finds this resource in the shared library's index.
 */
@Path("/api/health")
public class ApiHealthResource {

  private final ServiceStatusReporter reporter;
  private final SmallRyeHealthReporter health;

  ApiHealthResource(ServiceStatusReporter reporter, SmallRyeHealthReporter health) {
    this.reporter = reporter;
    this.health = health;
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

  /** 200 {@code {"status":"UP"}} when ready, 503 {@code {"status":"DOWN"}} otherwise. */
  @GET
  @Blocking
  @Path("/ready")
  @Produces(MediaType.APPLICATION_JSON)
  public RestResponse<Map<String, String>> ready() {
    return verdict(health.getReadiness().getStatus());
  }

  /** The liveness verdict alone, for a host's health check on the one public port. */
  @GET
  @Blocking
  @Path("/live")
  @Produces(MediaType.APPLICATION_JSON)
  public RestResponse<Map<String, String>> live() {
    return verdict(health.getLiveness().getStatus());
  }

  private static RestResponse<Map<String, String>> verdict(HealthCheckResponse.Status status) {
    Map<String, String> body = Map.of("status", status.name());
    return status == HealthCheckResponse.Status.UP
        ? RestResponse.ok(body)
        : RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE, body);
  }
}
