package com.masseurmatch.waitlist.sim.bench;

import com.masseurmatch.waitlist.model.token.StreamTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pass of simulated calls against the bridge: calls opened evenly over the ramp, each streaming
 * for the pass's length (or, in a warm-up, for a shorter call length and then dialled again), then
 * hung up. While the pass runs it samples the bridge's resident memory; its CPU time is read over
 * the window in which every call is streaming.
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
      long peakResidentBytes,
      Ramp ramp,
      Core core) {}

  /**
   * How busy the bridge's CPUs were over the same window, kernel network work that the bridge's own
   * CPU time leaves out included; NaN when not known.
   */
  record Core(double busyShare) {}

  /**
   * How busy each side was while the calls arrived (from the first call to 300 ms after the last):
   * when the generator is near 100 % here, the set-up figures include its own queueing.
   */
  record Ramp(double seconds, double bridgeCpuShare, double generatorCpuShare) {}

  private final Vertx vertx;
  private final WebSocketClient client;
  private final WebSocketConnectOptions target;
  private final StreamTokens tokens;
  private final ProcessProbe bridge;
  private final CpuProbe bridgeCpus;

  /** {@code bridgeCpus}: the CPUs the bridge is pinned to, or null when not known. */
  LoadPass(
      Vertx vertx,
      WebSocketClient client,
      WebSocketConnectOptions target,
      StreamTokens tokens,
      ProcessProbe bridge,
      CpuProbe bridgeCpus) {
    this.vertx = vertx;
    this.client = client;
    this.target = target;
    this.tokens = tokens;
    this.bridge = bridge;
    this.bridgeCpus = bridgeCpus;
  }

  Result run(String label, int calls, Duration length, Duration ramp) throws InterruptedException {
    return run(label, calls, length, ramp, length);
  }

  /**
   * A pass in which each of {@code calls} lines redials as soon as its call ends, each call
   * streaming for {@code callLength}, until the pass's length is up: a warm-up that sets up as many
   * calls as a long-running bridge has, not only streams as long.
   */
  Result run(String label, int calls, Duration length, Duration ramp, Duration callLength)
      throws InterruptedException {
    LoadStats stats = new LoadStats();
    stats.steadyFrom = System.nanoTime() + ramp.toNanos() + 1_000_000_000L;
    CountDownLatch finished = new CountDownLatch(calls);
    long callSeconds = Math.max(1, Math.min(callLength.toSeconds(), length.toSeconds()));
    long lastDial = System.nanoTime() + length.toNanos() - callSeconds * 1_000_000_000L;
    String runId = Long.toHexString(System.nanoTime() & 0xffffffffffffL);
    int maxFrames = (int) (callSeconds * 50 + 50);
    Dialling dialling =
        new Dialling(stats, runId, maxFrames, callSeconds, lastDial, new AtomicInteger(), finished);
    for (int i = 0; i < calls; i++) {
      long delay = Math.max(1, ramp.toMillis() * i / calls);
      vertx.setTimer(delay, id -> dial(dialling));
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
    CpuProbe.Sample coreAtStart = null;
    CpuProbe.Sample coreAtEnd = null;
    long rampEnd = ramp.toNanos() + 300_000_000L;
    double bridgeAtBegin = bridge.cpuSeconds();
    double generatorAtBegin = generator.cpuSeconds();
    Ramp rampLoad = null;
    long windowStartedAt = 0;
    long windowEndedAt = 0;
    long peak = 0;
    while (!finished.await(100, TimeUnit.MILLISECONDS)) {
      long elapsed = System.nanoTime() - began;
      if (rampLoad == null && elapsed >= rampEnd) {
        double rampSeconds = elapsed / 1e9;
        rampLoad =
            new Ramp(
                rampSeconds,
                (bridge.cpuSeconds() - bridgeAtBegin) / rampSeconds,
                (generator.cpuSeconds() - generatorAtBegin) / rampSeconds);
      }
      if (windowStartedAt == 0 && elapsed >= windowStart && windowStart < windowEnd) {
        windowStartedAt = System.nanoTime();
        cpuAtStart = bridge.cpuSeconds();
        systemAtStart = bridge.systemSeconds();
        generatorAtStart = generator.cpuSeconds();
        coreAtStart = bridgeCpus == null ? null : bridgeCpus.sample();
      }
      if (windowStartedAt != 0 && windowEndedAt == 0 && elapsed >= windowEnd) {
        windowEndedAt = System.nanoTime();
        cpuAtEnd = bridge.cpuSeconds();
        systemAtEnd = bridge.systemSeconds();
        generatorAtEnd = generator.cpuSeconds();
        coreAtEnd = bridgeCpus == null ? null : bridgeCpus.sample();
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
        label,
        calls,
        stats,
        perCallMinute,
        systemShare,
        generatorShare,
        window,
        peak,
        rampLoad == null ? new Ramp(Double.NaN, Double.NaN, Double.NaN) : rampLoad,
        new Core(bridgeCpus == null ? Double.NaN : bridgeCpus.busyShare(coreAtStart, coreAtEnd)));
  }

  /** What the lines of one pass share. */
  private record Dialling(
      LoadStats stats,
      String runId,
      int maxFrames,
      long callSeconds,
      long lastDial,
      AtomicInteger nextIndex,
      CountDownLatch finished) {}

  /** One caller's line: dials again when its call ends, until the pass's last dial time. */
  private void dial(Dialling pass) {
    LoadCall call =
        new LoadCall(
            vertx,
            pass.stats(),
            pass.nextIndex().getAndIncrement(),
            pass.runId(),
            pass.maxFrames(),
            () -> {
              if (System.nanoTime() < pass.lastDial()) {
                dial(pass);
              } else {
                pass.finished().countDown();
              }
            });
    call.open(client, target, tokens.issue(call.callSid()), pass.callSeconds());
  }
}
