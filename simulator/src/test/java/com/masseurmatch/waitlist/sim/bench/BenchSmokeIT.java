package com.masseurmatch.waitlist.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.sim.Args;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    String report = runBridge("--calls", "3", "--seconds", "3", "--warmup-seconds", "0");
    assertEquals(3, number(report, "connected"));
    long sent = number(report, "framesSent");
    assertTrue(sent >= 3 * 100, "about 150 frames a call: " + report);
    assertEquals(sent, number(report, "framesEchoed"), report);
    assertEquals(0, number(report, "lostMidCall"), report);
    assertEquals(0, number(report, "lostBeforeFirstEcho"), report);
    // the bridge's pinned CPU, read from /proc/stat over the window
    assertTrue(
        Pattern.compile("\"bridgeCoreBusyShare\":[01]\\.\\d{3}").matcher(report).find(), report);
  }

  @Test
  void coldRunWarmsTheGeneratorOnOneBridgeAndMeasuresAFreshOne() throws Exception {
    String report = runBridge("--calls", "2", "--seconds", "2", "--warmup-seconds", "2", "--cold");
    assertTrue(report.contains("\"label\":\"generator warm-up"), report);
    assertTrue(report.contains("\"label\":\"measured\""), report);
    assertTrue(number(report, "startedMillis") > 0, report);
    String measured = report.substring(report.indexOf("\"label\":\"measured\""));
    assertEquals(2, number(measured, "connected"), report);
    assertEquals(number(measured, "framesSent"), number(measured, "framesEchoed"), report);
    assertEquals(0, number(measured, "lostBeforeFirstEcho"), report);
  }

  @Test
  void warmUpCallsRedialUntilTheWarmUpEnds() throws Exception {
    String report =
        runBridge(
            "--calls",
            "2",
            "--seconds",
            "2",
            "--warmup-seconds",
            "5",
            "--warmup-call-seconds",
            "1");
    String warmup = report.substring(report.indexOf("\"label\":\"warm-up\""));
    assertTrue(number(warmup, "connected") >= 4, "each line dialled again: " + report);
    assertEquals(number(warmup, "framesSent"), number(warmup, "framesEchoed"), report);
    String measured = report.substring(report.indexOf("\"label\":\"measured\""));
    assertEquals(2, number(measured, "connected"), report);
    assertEquals(number(measured, "framesSent"), number(measured, "framesEchoed"), report);
    assertTrue(measured.contains("\"rampBridgeCpuShare\":"), report);
  }

  /** {@code bin/bench bridge} against the packaged bridge; its JSON report, once it succeeded. */
  private static String runBridge(String... options) throws Exception {
    Path json = Files.createTempFile("bridge-smoke", ".json");
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(
        List.of("--ramp-seconds", "0.2", "--jar", BRIDGE.toString(), "--json", json.toString()));
    int status = BridgeLoad.run(new Args(args.toArray(String[]::new), 0));
    String report = Files.readString(json);
    assertEquals(0, status, report);
    return report;
  }

  @Test
  void ivrAnswersEverySignedWebhook() throws Exception {
    Path json = Files.createTempFile("ivr-smoke", ".json");
    Path trace = Files.createTempFile("ivr-smoke", ".csv");
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
                  json.toString(),
                  "--trace",
                  trace.toString()
                },
                0));
    String report = Files.readString(json);
    assertEquals(0, status, report);
    assertEquals(40, number(report, "ok"), report);
    List<String> lines = Files.readAllLines(trace);
    assertEquals(41, lines.size(), "a header and a line a request");
    assertEquals(20, lines.stream().filter(l -> l.contains(",/api/voice/menu,")).count());
    assertTrue(lines.stream().skip(1).allMatch(l -> l.endsWith(",true")), String.join("\n", lines));
    assertEquals(0, number(report, "errors"), report);
  }

  @Test
  void startTimesAreReadFromEachServiceStartedAsDeployed() throws Exception {
    for (Path jar : List.of(BRIDGE, IVR)) {
      String module = jar.getParent().getParent().getParent().getFileName().toString();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int status =
          StartTimes.run(
              new Args(
                  new String[] {"--module", module, "--runs", "1", "--jar", jar.toString()}, 0),
              new PrintStream(out, true, StandardCharsets.UTF_8));
      String report = out.toString(StandardCharsets.UTF_8);
      assertEquals(0, status, report);
      Matcher run =
          Pattern.compile(module + " run 1 on CPU 0: ready in (\\d+) ms, started in (\\d+) ms")
              .matcher(report);
      assertTrue(run.find(), report);
      long ready = Long.parseLong(run.group(1));
      long started = Long.parseLong(run.group(2));
      assertTrue(started > 0 && ready >= started, report);
      assertTrue(report.contains(module + " on CPU 0, 1 run: ready in " + ready + "–"), report);
    }
  }

  private static long number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    assertTrue(m.find(), field + " in " + json);
    return Long.parseLong(m.group(1));
  }
}
