package com.masseurmatch.waitlist.sim.bench;

/** The JVM options a benchmarked service gets unless told otherwise. */
final class BridgeDefaults {

  /**
   * A fixed heap, as in a container with a memory limit (the images size the heap from the limit),
   * so resident memory is that of a deployed instance and not of a JVM sized for this machine.
   */
  static final String JAVA_OPTIONS = "-Xmx128m -XX:+ExitOnOutOfMemoryError";

  private BridgeDefaults() {}
}
