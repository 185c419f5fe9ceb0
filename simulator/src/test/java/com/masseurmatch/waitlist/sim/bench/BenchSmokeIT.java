package com.masseurmatch.waitlist.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.sim.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark working: a few calls for a few seconds against the packaged bridge, and a few
 * webhooks against the packaged IVR. Asserts what was sent and received, never how fast.
 */
class BenchSmokeIT {

  private static final Path BRIDGE =
      Path.of("../realtime-bridge/target/quarkus-app/quarkus-run.jar");
  private static final Path IVR = Path.of("../ivr-service/target/quarkus-app/quarkus-run.jar");

  @Test
  void bridgeEchoesEveryFrameOfEveryCall() throws Exception {
    Path json = Files.createTempFile("bridge-smoke", ".json");
    int status =
        BridgeLoad.run(
            new Args(
                new String[] {
                  "--calls",
                  "3",
                  "--seconds",
                  "3",
                  "--warmup-seconds",
                  "0",
                  "--ramp-seconds",
                  "0.2",
                  "--jar",
                  BRIDGE.toString(),
                  "--json",
                  json.toString()
                },
                0));
    String report = Files.readString(json);
    assertEquals(0, status, report);
    assertEquals(3, number(report, "connected"));
    long sent = number(report, "framesSent");
    assertTrue(sent >= 3 * 100, "about 150 frames a call: " + report);
    assertEquals(sent, number(report, "framesEchoed"), report);
    assertEquals(0, number(report, "lostMidCall"), report);
    assertEquals(0, number(report, "lostBeforeFirstEcho"), report);
  }

  @Test
  void ivrAnswersEverySignedWebhook() throws Exception {
    Path json = Files.createTempFile("ivr-smoke", ".json");
    int status =
        IvrLoad.run(
            new Args(
                new String[] {
                  "--rate",
                  "20",
                  "--seconds",
                  "2",
                  "--warmup-seconds",
                  "0",
                  "--jar",
                  IVR.toString(),
                  "--json",
                  json.toString()
                },
                0));
    String report = Files.readString(json);
    assertEquals(0, status, report);
    assertEquals(40, number(report, "ok"), report);
    assertEquals(0, number(report, "errors"), report);
  }

  private static long number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    assertTrue(m.find(), field + " in " + json);
    return Long.parseLong(m.group(1));
  }
}
