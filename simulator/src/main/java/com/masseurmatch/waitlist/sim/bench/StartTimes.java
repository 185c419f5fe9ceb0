package com.masseurmatch.waitlist.sim.bench;

import com.masseurmatch.waitlist.sim.Args;
import com.masseurmatch.waitlist.testkit.process.FreePort;
import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;

/**
 * {@code start --module realtime-bridge|ivr-service}: how long a packaged service takes from
 * process start until {@code /api/health/ready} answers 200, started as deployed (its application
 * directory, its AOT cache or AppCDS archive, the manifests' heap) and pinned to {@code --cpus}
 * (CPU 0), with nothing to talk to: the embedded store, the bridge's start-up warm-up off and an
 * OpenAI key that is never used. Several runs, each a fresh process.
 */
public final class StartTimes {

  private StartTimes() {}

  public static int run(Args args) throws Exception {
    return run(args, System.out);
  }

  /** The same, writing the report to {@code out}. */
  static int run(Args args, PrintStream out) throws Exception {
    String module = args.text("module", "realtime-bridge");
    int runs = args.integer("runs", 3);
    String cpus = args.text("cpus", "0");
    Path jar = Path.of(args.text("jar", module + "/target/quarkus-app/quarkus-run.jar"));
    boolean bridge = module.equals("realtime-bridge");
    if (!bridge && !module.equals("ivr-service")) {
      throw new IllegalArgumentException("--module must be realtime-bridge or ivr-service");
    }
    String options = args.text("java-opts", bridge ? JvmOptions.BRIDGE : JvmOptions.IVR);
    args.rejectUnknown();
    if (runs < 1 || runs > 20) {
      throw new IllegalArgumentException("--runs must be 1..20");
    }
    Path runDir = Files.createTempDirectory("bench-start-");
    List<String> javaOptions = JvmOptions.withAotOutput(options, Optional.empty(), "");
    LongSummaryStatistics ready = new LongSummaryStatistics();
    LongSummaryStatistics started = new LongSummaryStatistics();
    for (int i = 1; i <= runs; i++) {
      Map<String, String> env = environment(runDir.resolve("data-" + i), bridge);
      try (ServiceProcess service =
          ServiceUnderTest.start(
              jar,
              FreePort.find(),
              cpus,
              javaOptions,
              env,
              runDir.resolve(module + "-" + i + ".log"))) {
        long resident = new ProcessProbe(service.pid()).residentBytes() >> 20;
        out.printf(
            "%s run %d on CPU %s: ready in %d ms, started in %d ms (Quarkus' own figure),"
                + " resident %d MB%n",
            module, i, cpus, service.readyMillis(), service.startedMillis(), resident);
        ready.accept(service.readyMillis());
        started.accept(service.startedMillis());
      }
    }
    out.printf(
        "%s on CPU %s, %d run%s: ready in %d–%d ms, started in %d–%d ms; logs in %s%n",
        module,
        cpus,
        runs,
        runs == 1 ? "" : "s",
        ready.getMin(),
        ready.getMax(),
        started.getMin(),
        started.getMax(),
        runDir);
    return 0;
  }

  private static Map<String, String> environment(Path data, boolean bridge) {
    Map<String, String> env = new HashMap<>();
    env.put("WAITLIST_STORE", "embedded");
    env.put("WAITLIST_DATA_DIR", data.toString());
    env.put("STREAM_TOKEN_SECRET", HexFormat.of().formatHex(BridgeLoad.random(32)));
    env.put("PUBLIC_BASE_URL", "http://127.0.0.1:9");
    env.put("TWILIO_AUTH_TOKEN", "bench-start-twilio-token");
    env.put("ADMIN_TOKEN", "bench-start-admin-token");
    if (bridge) {
      env.put("BRIDGE_WARMUP_CALLS", "0");
      env.put("OPENAI_API_KEY", "sk-bench-start-never-used");
      env.put("OPENAI_REALTIME_URL", "ws://127.0.0.1:9/v1/realtime");
    }
    return env;
  }
}
