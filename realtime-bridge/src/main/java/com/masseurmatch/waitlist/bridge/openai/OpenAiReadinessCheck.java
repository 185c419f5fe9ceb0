package com.masseurmatch.waitlist.bridge.openai;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready without an OpenAI key: the IVR then sends option 1 to the fallback instead of a stream
 * this bridge would have to refuse.
 */
@Readiness
@ApplicationScoped
public class OpenAiReadinessCheck implements HealthCheck {

  private final RealtimeConnector connector;

  OpenAiReadinessCheck(RealtimeConnector connector) {
    this.connector = connector;
  }

  @Override
  public HealthCheckResponse call() {
    return connector.configured()
        ? HealthCheckResponse.up("openai")
        : HealthCheckResponse.named("openai")
            .down()
            .withData("reason", "OPENAI_API_KEY is not set")
            .build();
  }
}
