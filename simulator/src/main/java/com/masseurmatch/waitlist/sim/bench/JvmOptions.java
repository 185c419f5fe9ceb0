package com.masseurmatch.waitlist.sim.bench;

/** The JVM options a benchmarked service gets unless told otherwise. */
final class JvmOptions {

  /**
   * What the bridge's manifests add through {@code JDK_JAVA_OPTIONS} (deploy/check.py compares
   * them). A fixed young generation: sized by need, Serial GC kept the whole heap near 34 MB and
   * collected every 130 ms at 200 calls, with full collections during bursts of call set-up. And
   * the C heap trimmed every two seconds: glibc keeps what the JIT compilers free (7–16 MB every
   * two seconds while they are busy) as resident memory otherwise.
   */
  static final String BRIDGE_MANIFEST =
      "-Xmn24m -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000";

  /**
   * The heap sized as the images size it inside the Kubernetes manifests' memory limit (512 MiB for
   * the bridge): {@code MaxRAMPercentage=75} of it, the old generation starting small and growing
   * as needed. So resident memory is that of a deployed instance, not of a JVM sized for this
   * machine's 24 GiB; a fixed {@code -Xmx128m} instead filled its whole heap once thousands of
   * calls had passed.
   */
  static final String BRIDGE =
      "-XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError " + BRIDGE_MANIFEST;

  /** The same for ivr-service, whose manifests allow 768 MiB. */
  static final String IVR = "-XX:MaxRAM=768m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError";

  private JvmOptions() {}
}
