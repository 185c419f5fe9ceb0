package com.masseurmatch.waitlist.sim.bench;

import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts a service's packaged jar for a benchmark or an end-to-end test: as deployed, pinned to the
 * given CPUs with {@code taskset} when that exists, its output in a log file; returns once {@code
 * /api/health/ready} answers 200.
 */
public final class ServiceUnderTest {

  private ServiceUnderTest() {}

  public static ServiceProcess start(
      Path jar, int port, String cpus, List<String> javaOptions, Map<String, String> env, Path log)
      throws Exception {
    return ServiceProcess.launch(jar)
        .port(port)
        .cpus(cpus)
        .javaOptions(javaOptions)
        .environment(env)
        .asDeployed()
        .log(log)
        .start()
        .awaitReady(Duration.ofSeconds(60));
  }
}
