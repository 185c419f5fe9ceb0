package com.masseurmatch.waitlist.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * How busy the bridge's CPUs are: 100 % minus their idle time in Linux's {@code /proc/stat}. The
 * bridge's own CPU time leaves out the kernel's network work done on its core in soft interrupts
 * (on loopback, part of receiving every frame), so a core can be full while the process's figure
 * says it is not. Only the idle time is used: on this kind of VM the busy counters are sampled from
 * timer ticks and miss some, while idle time is measured.
 */
final class CpuProbe {

  /** The probed CPUs' idle ticks (idle and iowait) at a moment. */
  record Sample(long idleTicks, long nanos) {}

  private final Set<Integer> cpus;
  private final double ticksPerSecond;

  private CpuProbe(Set<Integer> cpus, double ticksPerSecond) {
    this.cpus = cpus;
    this.ticksPerSecond = ticksPerSecond;
  }

  /** {@code list} as taskset takes it: {@code 0}, {@code 0,2}, {@code 0-3}. */
  static CpuProbe of(String list) {
    return of(list, ProcessProbe.TICKS);
  }

  static CpuProbe of(String list, double ticksPerSecond) {
    Set<Integer> cpus = new TreeSet<>();
    for (String part : list.split(",")) {
      String[] range = part.trim().split("-");
      int from = Integer.parseInt(range[0].trim());
      int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
      for (int cpu = from; cpu <= to; cpu++) {
        cpus.add(cpu);
      }
    }
    return new CpuProbe(cpus, ticksPerSecond);
  }

  /** Now; null when {@code /proc/stat} cannot be read. */
  Sample sample() {
    try {
      return sample(Files.readString(Path.of("/proc/stat")), System.nanoTime());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The idle and iowait ticks of the probed CPUs' {@code cpuN} lines. */
  Sample sample(String procStat, long nanos) {
    long idle = 0;
    for (String line : procStat.split("\n")) {
      if (!line.startsWith("cpu") || line.length() < 4 || !Character.isDigit(line.charAt(3))) {
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      if (cpus.contains(Integer.parseInt(fields[0].substring(3)))) {
        idle += Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      }
    }
    return new Sample(idle, nanos);
  }

  /** The share of the time between the samples the CPUs were not idle; NaN when unknown. */
  double busyShare(Sample before, Sample after) {
    if (before == null || after == null || after.nanos() <= before.nanos()) {
      return Double.NaN;
    }
    double seconds = (after.nanos() - before.nanos()) / 1e9;
    double idle = (after.idleTicks() - before.idleTicks()) / ticksPerSecond;
    return Math.max(0, Math.min(1, 1 - idle / (seconds * cpus.size())));
  }
}
