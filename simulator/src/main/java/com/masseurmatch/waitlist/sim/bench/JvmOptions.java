package com.masseurmatch.waitlist.sim.bench;

import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JVM options a benchmarked service gets unless told otherwise (docs/benchmarks.md). */
final class JvmOptions {

  /**
   * What the bridge's manifests add through {@code JDK_JAVA_OPTIONS} (deploy/check.py compares
   * them): a fixed young generation, so bursts of call set-up do not turn into full collections,
   * and the C heap trimmed every two seconds, so what the JIT compilers free is given back instead
   * of staying resident.
   */
  static final String BRIDGE_MANIFEST =
      "-Xmn24m -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000";

  /**
   * The heap sized as the images size it inside the Kubernetes manifests' memory limit (512 MiB for
   * the bridge): {@code MaxRAMPercentage=75} of it, the old generation starting small and growing
   * as needed, so resident memory is that of a deployed instance, not of a JVM sized for the
   * benchmark machine.
   */
  static final String BRIDGE =
      "-XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError " + BRIDGE_MANIFEST;

  /** The same for ivr-service, whose manifests allow 768 MiB. */
  static final String IVR = "-XX:MaxRAM=768m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError";

  /** How long a training JVM may take to write its AOT cache after SIGTERM. */
  private static final Duration AOT_ASSEMBLY = Duration.ofMinutes(5);

  private JvmOptions() {}

  /**
   * {@code options} split into words, plus {@code -XX:AOTCacheOutput} when an AOT cache is to be
   * trained (JDK 25 or later: the JVM records what the run loads and compiles, and writes the cache
   * when it exits).
   */
  static List<String> withAotOutput(String options, Optional<Path> aotOutput, String flag) {
    List<String> words = new ArrayList<>(List.of(options.trim().split("\\s+")));
    if (aotOutput.isPresent()) {
      if (Runtime.version().feature() < 25) {
        throw new IllegalArgumentException(
            flag + " needs a JDK 25 or later (this one is " + Runtime.version() + ")");
      }
      words.add("-XX:AOTCacheOutput=" + aotOutput.get().toAbsolutePath());
    }
    return words;
  }

  /** Stops a training service gracefully and checks that it wrote its AOT cache. */
  static void awaitAotCache(ServiceProcess service, Path cache) throws Exception {
    service.stop(AOT_ASSEMBLY);
    if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
      throw new IllegalStateException(
          "no AOT cache at " + cache + " after the training run; log: " + service.log());
    }
    System.out.printf("AOT cache: %s (%d MB)%n", cache, Files.size(cache) >> 20);
  }
}
