package com.masseurmatch.waitlist.sim.bench;

/** The JVM options a benchmarked service gets unless told otherwise. */
final class BridgeDefaults {

  /**
   * The heap sized as the images size it inside the Kubernetes manifests' memory limit (512 MiB for
   * the bridge): {@code MaxRAMPercentage=75} of it, starting small and growing as needed. So
   * resident memory is that of a deployed instance, not of a JVM sized for this machine's 24 GiB; a
   * fixed {@code -Xmx128m} instead filled its whole heap once thousands of calls had passed.
   */
  static final String JAVA_OPTIONS =
      "-XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError";

  /** The same for ivr-service, whose manifests allow 768 MiB. */
  static final String IVR_JAVA_OPTIONS =
      "-XX:MaxRAM=768m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError";

  private BridgeDefaults() {}
}
