package com.masseurmatch.waitlist.sim.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The bridge run's figures, as a text table and as JSON. */
final class BridgeReport {

  private final int calls;
  private final Duration length;
  private final Duration warmup;
  private final long startedMillis;
  private final long readyMillis;
  private final long residentAtStart;
  private final String cpus;
  private final List<LoadPass.Result> passes;

  BridgeReport(
      int calls,
      Duration length,
      Duration warmup,
      long startedMillis,
      long readyMillis,
      long residentAtStart,
      String cpus,
      List<LoadPass.Result> passes) {
    this.calls = calls;
    this.length = length;
    this.warmup = warmup;
    this.startedMillis = startedMillis;
    this.readyMillis = readyMillis;
    this.residentAtStart = residentAtStart;
    this.cpus = cpus;
    this.passes = passes;
  }

  String text() {
    StringBuilder out = new StringBuilder();
    out.append(
        f(
            "realtime-bridge: %d calls for %d s (warm-up %d s), bridge on CPU %s%n",
            calls, length.toSeconds(), warmup.toSeconds(), cpus));
    out.append(
        f(
            "  started in %d ms (Quarkus' own figure), ready in %d ms; resident memory at start"
                + " %s%n",
            startedMillis, readyMillis, mb(residentAtStart)));
    for (LoadPass.Result pass : passes) {
      LoadStats s = pass.stats();
      out.append(f("%s pass%n", pass.label()));
      out.append(
          f(
              "  calls      connected %d, failed %d, closed by the bridge %d%n",
              s.connected, s.failed, s.closedEarly));
      out.append(
          f(
              "  frames     sent %d, echoed %d, lost %d (before the first echo %d, mid-call %d),"
                  + " duplicated %d, other audio %d, marks acknowledged %d%n",
              s.framesSent,
              s.framesEchoed,
              s.lost(),
              s.lostBeforeFirstEcho,
              s.lostMidCall,
              s.duplicates,
              s.otherAudio,
              s.marksAcked));
      out.append("  round trip        ").append(percentiles(s.roundTrip)).append('\n');
      out.append("    after the ramp  ").append(percentiles(s.roundTripSteady)).append('\n');
      out.append("  start→first audio ").append(percentiles(s.firstAudio)).append('\n');
      out.append(
          f(
              "  during the ramp   bridge %.0f%%, generator %.0f%% of one core (over %.1f s)%s%n",
              pass.ramp().bridgeCpuShare() * 100,
              pass.ramp().generatorCpuShare() * 100,
              pass.ramp().seconds(),
              pass.ramp().generatorCpuShare() > 0.9
                  ? ": the generator was saturated, set-up figures include its queueing"
                  : ""));
      out.append(
          f(
              "  bridge CPU        %.4f CPU-s per call-minute, %.0f%% of it in the kernel (over"
                  + " %.1f s with every call streaming)%n",
              pass.cpuSecondsPerCallMinute(), pass.systemShare() * 100, pass.windowSeconds()));
      if (!Double.isNaN(pass.core().busyShare())) {
        out.append(
            f(
                "  bridge's CPU %s    %.0f%% busy (with the kernel's network work on it, which the"
                    + " bridge's CPU time leaves out)%s%n",
                cpus,
                pass.core().busyShare() * 100,
                pass.core().busyShare() > 0.9 ? ": saturated, frames queue" : ""));
      }
      out.append(f("  bridge memory     peak resident %s%n", mb(pass.peakResidentBytes())));
      out.append("  generator lag     ").append(percentiles(s.sendLag)).append('\n');
      out.append(
          f(
              "  generator CPU     %.0f%% of one core (with the fake OpenAI)%n",
              pass.generatorCpuShare() * 100));
    }
    return out.toString();
  }

  String json() {
    StringBuilder out = new StringBuilder("{");
    out.append(
        f(
            "\"calls\":%d,\"seconds\":%d,\"warmupSeconds\":%d,\"startedMillis\":%d,\"readyMillis\":%d,"
                + "\"residentAtStartBytes\":%d,\"passes\":[",
            calls,
            length.toSeconds(),
            warmup.toSeconds(),
            startedMillis,
            readyMillis,
            residentAtStart));
    for (int i = 0; i < passes.size(); i++) {
      LoadPass.Result pass = passes.get(i);
      LoadStats s = pass.stats();
      if (i > 0) {
        out.append(',');
      }
      out.append(
          f(
              "{\"label\":\"%s\",\"connected\":%d,\"failed\":%d,\"closedEarly\":%d,"
                  + "\"framesSent\":%d,\"framesEchoed\":%d,\"lostBeforeFirstEcho\":%d,"
                  + "\"lostMidCall\":%d,\"duplicates\":%d,\"cpuSecondsPerCallMinute\":%.5f,"
                  + "\"kernelShare\":%.3f,\"generatorCpuShare\":%.3f,"
                  + "\"peakResidentBytes\":%d,\"roundTripMs\":%s,\"roundTripAfterRampMs\":%s,"
                  + "\"firstAudioMs\":%s,\"rampSeconds\":%.2f,\"rampBridgeCpuShare\":%.3f,"
                  + "\"rampGeneratorCpuShare\":%.3f,\"bridgeCoreBusyShare\":%s,"
                  + "\"sendLagMs\":%s}",
              pass.label(),
              s.connected,
              s.failed,
              s.closedEarly,
              s.framesSent,
              s.framesEchoed,
              s.lostBeforeFirstEcho,
              s.lostMidCall,
              s.duplicates,
              pass.cpuSecondsPerCallMinute(),
              pass.systemShare(),
              pass.generatorCpuShare(),
              pass.peakResidentBytes(),
              percentilesJson(s.roundTrip),
              percentilesJson(s.roundTripSteady),
              percentilesJson(s.firstAudio),
              pass.ramp().seconds(),
              pass.ramp().bridgeCpuShare(),
              pass.ramp().generatorCpuShare(),
              share(pass.core().busyShare()),
              percentilesJson(s.sendLag)));
    }
    return out.append("]}\n").toString();
  }

  /** A share for JSON: null when not known. */
  private static String share(double value) {
    return Double.isNaN(value) ? "null" : f("%.3f", value);
  }

  static String percentiles(Histogram h) {
    if (h.getTotalCount() == 0) {
      return "no samples";
    }
    return f(
        "p50 %s  p90 %s  p99 %s  max %s ms  (%d samples)",
        ms(h.getValueAtPercentile(50)),
        ms(h.getValueAtPercentile(90)),
        ms(h.getValueAtPercentile(99)),
        ms(h.getMaxValue()),
        h.getTotalCount());
  }

  static String percentilesJson(Histogram h) {
    return f(
        "{\"count\":%d,\"p50\":%s,\"p90\":%s,\"p99\":%s,\"max\":%s}",
        h.getTotalCount(),
        ms(h.getValueAtPercentile(50)),
        ms(h.getValueAtPercentile(90)),
        ms(h.getValueAtPercentile(99)),
        ms(h.getMaxValue()));
  }

  private static String ms(long micros) {
    return f("%.2f", micros / 1000.0);
  }

  static String mb(long bytes) {
    return bytes < 0 ? "n/a" : f("%.0f MB", bytes / 1048576.0);
  }

  static String f(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }
}
