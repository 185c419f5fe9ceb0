package com.masseurmatch.waitlist.sim.bench;

import com.masseurmatch.waitlist.model.token.StreamTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One pass of simulated calls against the bridge: calls opened evenly over the ramp, each streaming
 * for the pass's length, then hung up. While the pass runs it samples the bridge's resident memory;
 * its CPU time is read over the window in which every call is streaming.
 */
final class LoadPass {

  record Result(
      String label,
      int calls,
      LoadStats stats,
      double cpuSecondsPerCallMinute,
      double systemShare,
      double generatorCpuShare,
      double windowSeconds,
      long peakResidentBytes) {}

  private final Vertx vertx;
  private final WebSocketClient client;
  private final WebSocketConnectOptions target;
  private final StreamTokens tokens;
  private final ProcessProbe bridge;

  LoadPass(
      Vertx vertx,
      WebSocketClient client,
      WebSocketConnectOptions target,
      StreamTokens tokens,
      ProcessProbe bridge) {
    this.vertx = vertx;
    this.client = client;
    this.target = target;
    this.tokens = tokens;
    this.bridge = bridge;
  }

  Result run(String label, int calls, Duration length, Duration ramp) throws InterruptedException {
    LoadStats stats = new LoadStats();
    stats.steadyFrom = System.nanoTime() + ramp.toNanos() + 1_000_000_000L;
    CountDownLatch finished = new CountDownLatch(calls);
    long seconds = Math.max(1, length.toSeconds());
    String runId = Long.toHexString(System.nanoTime() & 0xffffffffffffL);
    int maxFrames = (int) (seconds * 50 + 50);
    for (int i = 0; i < calls; i++) {
      LoadCall call = new LoadCall(vertx, stats, i, runId, maxFrames, finished::countDown);
      String token = tokens.issue(call.callSid());
      long delay = Math.max(1, ramp.toMillis() * i / calls);
      vertx.setTimer(delay, id -> call.open(client, target, token, seconds));
    }
    // every call streams from the end of the ramp until the first call stops
    long windowStart = ramp.toNanos() + 1_000_000_000L;
    long windowEnd = length.toNanos();
    long began = System.nanoTime();
    ProcessProbe generator = new ProcessProbe(ProcessHandle.current().pid());
    double cpuAtStart = Double.NaN;
    double cpuAtEnd = Double.NaN;
    double systemAtStart = Double.NaN;
    double systemAtEnd = Double.NaN;
    double generatorAtStart = Double.NaN;
    double generatorAtEnd = Double.NaN;
    long windowStartedAt = 0;
    long windowEndedAt = 0;
    long peak = 0;
    while (!finished.await(100, TimeUnit.MILLISECONDS)) {
      long elapsed = System.nanoTime() - began;
      if (windowStartedAt == 0 && elapsed >= windowStart && windowStart < windowEnd) {
        windowStartedAt = System.nanoTime();
        cpuAtStart = bridge.cpuSeconds();
        systemAtStart = bridge.systemSeconds();
        generatorAtStart = generator.cpuSeconds();
      }
      if (windowStartedAt != 0 && windowEndedAt == 0 && elapsed >= windowEnd) {
        windowEndedAt = System.nanoTime();
        cpuAtEnd = bridge.cpuSeconds();
        systemAtEnd = bridge.systemSeconds();
        generatorAtEnd = generator.cpuSeconds();
      }
      peak = Math.max(peak, bridge.residentBytes());
      if (elapsed > length.toNanos() + ramp.toNanos() + 60_000_000_000L) {
        throw new IllegalStateException(label + ": calls did not end within a minute of the pass");
      }
    }
    double window = (windowEndedAt - windowStartedAt) / 1e9;
    double perCallMinute =
        windowEndedAt == 0 ? Double.NaN : (cpuAtEnd - cpuAtStart) / (calls * window / 60.0);
    double systemShare = (systemAtEnd - systemAtStart) / (cpuAtEnd - cpuAtStart);
    double generatorShare = (generatorAtEnd - generatorAtStart) / window;
    return new Result(
        label, calls, stats, perCallMinute, systemShare, generatorShare, window, peak);
  }
}
