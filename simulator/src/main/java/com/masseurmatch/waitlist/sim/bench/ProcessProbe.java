package com.masseurmatch.waitlist.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, from Linux's {@code /proc}. */
final class ProcessProbe {

  /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux build in use. */
  static final double TICKS = clockTicks();

  private final long pid;

  ProcessProbe(long pid) {
    this.pid = pid;
  }

  long pid() {
    return pid;
  }

  /** User plus system CPU seconds so far. */
  double cpuSeconds() {
    return cpu(true, true);
  }

  /** System (kernel) CPU seconds so far. */
  double systemSeconds() {
    return cpu(false, true);
  }

  private double cpu(boolean withUser, boolean withSystem) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // fields after the command name, which may contain spaces, in parentheses
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long user = Long.parseLong(fields[11]);
      long system = Long.parseLong(fields[12]);
      return ((withUser ? user : 0) + (withSystem ? system : 0)) / TICKS;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Resident set size now, in bytes. */
  long residentBytes() {
    return statusKilobytes("VmRSS:") * 1024;
  }

  private long statusKilobytes(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static double clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
