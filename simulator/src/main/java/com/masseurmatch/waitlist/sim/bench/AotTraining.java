package com.masseurmatch.waitlist.sim.bench;

import com.masseurmatch.waitlist.sim.Args;
import java.nio.file.Path;

/**
 * {@code aot-train --module realtime-bridge|ivr-service [--app DIR] [--cpus LIST]}: trains a
 * service's AOT cache ({@code DIR/app.aot}, JDK 25 or later) with a short run of its benchmark
 * load: the packaged service records what it loads, links and compiles while it serves, and the JVM
 * writes the cache when it stops. {@code bin/aot-cache} and the images run this same command, so
 * the caches they ship come from the same workload.
 */
public final class AotTraining {

  private AotTraining() {}

  public static int run(Args args) throws Exception {
    String module = args.text("module", "");
    Path app = Path.of(args.text("app", module + "/target/quarkus-app"));
    String cpus = args.text("cpus", "0-" + (Runtime.getRuntime().availableProcessors() - 1));
    args.rejectUnknown();
    String jar = app.resolve("quarkus-run.jar").toString();
    String cache = app.resolve("app.aot").toString();
    return switch (module) {
      // media streams of 2 s, redialled for 20 s: call set-up and the media path, many times
      case "realtime-bridge" ->
          BridgeLoad.run(
              new Args(
                  new String[] {
                    "--calls",
                    "40",
                    "--seconds",
                    "5",
                    "--warmup-seconds",
                    "20",
                    "--warmup-call-seconds",
                    "2",
                    "--ramp-seconds",
                    "2",
                    "--bridge-cpus",
                    cpus,
                    "--jar",
                    jar,
                    "--aot-output",
                    cache
                  },
                  0));
      // signed webhooks: a call's answer and its menu choice
      case "ivr-service" ->
          IvrLoad.run(
              new Args(
                  new String[] {
                    "--rate",
                    "200",
                    "--seconds",
                    "5",
                    "--warmup-seconds",
                    "20",
                    "--ivr-cpus",
                    cpus,
                    "--jar",
                    jar,
                    "--aot-output",
                    cache
                  },
                  0));
      default ->
          throw new IllegalArgumentException("--module must be realtime-bridge or ivr-service");
    };
  }
}
