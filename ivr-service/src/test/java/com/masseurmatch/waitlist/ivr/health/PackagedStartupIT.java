package com.masseurmatch.waitlist.ivr.health;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.model.testing.StartupContract;
import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs the packaged jar: fails fast without secrets, starts on the embedded defaults. */
class PackagedStartupIT extends StartupContract {

  @Override
  protected String serviceName() {
    return "ivr-service";
  }

  @Override
  protected Map<String, String> otherRequired() {
    return Map.of(
        "PUBLIC_BASE_URL", "https://ivr.example.org",
        "TWILIO_AUTH_TOKEN", "integration-test-twilio-token",
        "ADMIN_TOKEN", "integration-test-admin-token");
  }

  @ParameterizedTest(name = "without {0}")
  @CsvSource({"PUBLIC_BASE_URL", "TWILIO_AUTH_TOKEN", "ADMIN_TOKEN"})
  void refusesToStartWithoutEachRequiredVariableAndNamesIt(String missing) throws Exception {
    Map<String, String> env = new HashMap<>(otherRequired());
    env.remove(missing);
    env.put("STREAM_TOKEN_SECRET", SECRET);
    env.put("WAITLIST_DATA_DIR", data.toString());
    env.put("WAITLIST_STORE", "embedded");
    try (ServiceProcess service = ServiceProcess.start(env)) {
      assertNotEquals(0, service.awaitExit(Duration.ofSeconds(30)));
      assertTrue(service.output().contains(missing), service.output());
    }
  }
}
