package com.masseurmatch.waitlist.ivr.confirm;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Failed jobs are due again at once, so a test runs the next attempt without waiting. */
public class NoBackoff implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of("jobs.first-backoff", "0s", "jobs.max-backoff", "0s");
  }

  @Override
  public void stop() {}
}
