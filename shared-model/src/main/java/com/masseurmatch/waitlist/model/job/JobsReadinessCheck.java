package com.masseurmatch.waitlist.model.job;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness data about background jobs: the kinds this instance runs and the last due, running and
 * dead counts. Always up: jobs wait in the store, they never make an instance unfit for traffic.
 */
@Readiness
@ApplicationScoped
public class JobsReadinessCheck implements HealthCheck {

  private final JobRunner runner;

  JobsReadinessCheck(JobRunner runner) {
    this.runner = runner;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("jobs")
            .up()
            .withData("kinds", String.join(",", runner.kinds()))
            .withData("worker", runner.worker());
    runner
        .stats()
        .ifPresent(
            s ->
                response
                    .withData("due", s.due())
                    .withData("running", s.running())
                    .withData("dead", s.dead()));
    return response.build();
  }
}
