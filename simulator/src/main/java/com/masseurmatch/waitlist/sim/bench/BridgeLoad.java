package com.masseurmatch.waitlist.sim.bench;

import com.masseurmatch.waitlist.model.token.StreamTokens;
import com.masseurmatch.waitlist.sim.Args;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import com.masseurmatch.waitlist.testkit.process.FreePort;
import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/bench bridge}: starts the echoing fake OpenAI and a realtime-bridge pinned to its own
 * CPUs (or targets a running one), runs a warm-up pass and a measured pass of simulated calls, and
 * reports the figures docs/benchmarks.md sets targets for. With {@code --cold} the warm-up pass
 * runs against a first bridge and the measured pass against a fresh one: only the bridge is cold.
 */
public final class BridgeLoad {

  private BridgeLoad() {}

  public static int run(Args args) throws Exception {
    int calls = args.integer("calls", 50);
    Duration length = args.seconds("seconds", 30);
    Duration warmup = args.seconds("warmup-seconds", 40);
    int warmupPasses = args.integer("warmup-passes", 1);
    // warm-up calls are short and redialled: a long-running bridge has set up many calls, and
    // set-up code that ran only once per line is still being compiled (docs/benchmarks.md)
    Duration warmupCall = args.seconds("warmup-call-seconds", 1);
    Duration ramp = args.seconds("ramp-seconds", Math.max(1, calls / 100.0));
    String cpus = args.text("bridge-cpus", "0");
    Path jar = Path.of(args.text("jar", "realtime-bridge/target/quarkus-app/quarkus-run.jar"));
    Optional<Path> aotOutput = args.text("aot-output").map(Path::of);
    List<String> javaOptions =
        JvmOptions.withAotOutput(
            args.text("bridge-java-opts", JvmOptions.BRIDGE), aotOutput, "--aot-output");
    Optional<String> target = args.text("target");
    Optional<String> pid = args.text("pid");
    Optional<String> secret = args.text("secret");
    Optional<String> json = args.text("json");
    boolean cold = args.flag("cold");
    args.rejectUnknown();
    if (calls < 1 || calls > 2000) {
      throw new IllegalArgumentException("--calls must be 1..2000");
    }
    if (length.toSeconds() < 2 || length.toSeconds() > 1800) {
      throw new IllegalArgumentException("--seconds must be 2..1800");
    }
    if (warmupCall.toSeconds() < 1) {
      throw new IllegalArgumentException("--warmup-call-seconds must be at least 1");
    }
    if (warmupPasses < 1 || warmupPasses > 10) {
      throw new IllegalArgumentException("--warmup-passes must be 1..10");
    }
    if (aotOutput.isPresent() && (cold || target.isPresent())) {
      throw new IllegalArgumentException(
          "--aot-output trains the bridge it starts: not with --cold or --target");
    }
    if (cold && target.isPresent()) {
      throw new IllegalArgumentException("--cold starts its own bridges: not with --target");
    }
    if (target.isPresent() && secret.isEmpty()) {
      throw new IllegalArgumentException("--target needs --secret (its STREAM_TOKEN_SECRET)");
    }

    String streamSecret = secret.orElseGet(() -> HexFormat.of().formatHex(random(32)));
    StreamTokens tokens = new StreamTokens(streamSecret, Duration.ofMinutes(60), Clock.systemUTC());
    Path runDir =
        Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "bench-");

    // the generator and the fake OpenAI share one event loop: one thread on the generator's CPU
    Vertx vertx =
        Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
    try (FakeRealtimeServer openAi = FakeRealtimeServer.echo(vertx, 0)) {
      WebSocketClient client =
          vertx.createWebSocketClient(
              new WebSocketClientOptions()
                  .setMaxConnections(calls + 16)
                  .setConnectTimeout(10_000)
                  .setTcpNoDelay(true)
                  .setMaxMessageSize(1024 * 1024));
      Bridges bridges = new Bridges(jar, cpus, javaOptions, streamSecret, openAi, runDir, calls);
      List<LoadPass.Result> results = new ArrayList<>();
      if (cold && !warmup.isZero()) {
        // the generator and the fake OpenAI warm up against a first bridge, so that what the
        // measured pass sees of a cold start is the fresh bridge's alone
        try (ServiceProcess first = bridges.start("realtime-bridge-first.log")) {
          URI firstUrl = URI.create("ws://127.0.0.1:" + first.port() + "/media-stream");
          results.add(
              new LoadPass(
                      vertx,
                      client,
                      connectOptions(firstUrl),
                      tokens,
                      new ProcessProbe(first.pid()),
                      CpuProbe.of(cpus))
                  .run(
                      "generator warm-up (on a first bridge, then stopped)",
                      calls,
                      warmup,
                      ramp,
                      warmupCall));
        }
      }
      if (cold) {
        warmup = Duration.ZERO;
      }
      try (ServiceProcess bridge =
          target.isPresent() ? null : bridges.start("realtime-bridge.log")) {
        URI url =
            URI.create(target.orElseGet(() -> "ws://127.0.0.1:" + bridge.port() + "/media-stream"));
        long bridgePid = bridge != null ? bridge.pid() : pid.map(Long::parseLong).orElse(-1L);
        ProcessProbe probe = new ProcessProbe(bridgePid);
        long residentAtStart = probe.residentBytes();
        if (target.isPresent()) {
          System.out.println("give the bridge OPENAI_REALTIME_URL=" + openAi.url());
        }

        LoadPass pass =
            new LoadPass(
                vertx,
                client,
                connectOptions(url),
                tokens,
                probe,
                bridge == null ? null : CpuProbe.of(cpus));
        for (int i = 0; i < warmupPasses && !warmup.isZero(); i++) {
          results.add(pass.run("warm-up", calls, warmup, ramp, warmupCall));
          Thread.sleep(2000);
        }
        results.add(pass.run("measured", calls, length, ramp));
        BridgeReport report =
            new BridgeReport(
                calls,
                length,
                warmup,
                bridge == null ? -1 : bridge.startedMillis(),
                bridge == null ? -1 : bridge.readyMillis(),
                residentAtStart,
                bridge == null ? "(targeted)" : cpus,
                results);
        System.out.print(report.text());
        if (json.isPresent()) {
          Files.writeString(Path.of(json.get()), report.json());
        }
        if (bridge != null) {
          System.out.println("bridge log: " + bridge.log());
          if (aotOutput.isPresent()) {
            JvmOptions.awaitAotCache(bridge, aotOutput.get());
          }
        }
        LoadPass.Result measured = results.get(results.size() - 1);
        return measured.stats().connected == calls && measured.stats().failed == 0 ? 0 : 1;
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static WebSocketConnectOptions connectOptions(URI url) {
    return new WebSocketConnectOptions()
        .setHost(url.getHost())
        .setPort(url.getPort())
        .setURI(url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath());
  }

  /** Starts bridges pinned to the bridge's CPUs, aimed at the fake OpenAI. */
  private record Bridges(
      Path jar,
      String cpus,
      List<String> javaOptions,
      String streamSecret,
      FakeRealtimeServer openAi,
      Path runDir,
      int calls) {

    ServiceProcess start(String log) throws Exception {
      return ServiceUnderTest.start(
          jar,
          FreePort.find(),
          cpus,
          javaOptions,
          Map.of(
              "STREAM_TOKEN_SECRET",
              streamSecret,
              "OPENAI_API_KEY",
              FakeRealtimeServer.API_KEY,
              "OPENAI_REALTIME_URL",
              openAi.url(),
              "WAITLIST_DATA_DIR",
              runDir.resolve("data").toString(),
              "WAITLIST_STORE",
              "embedded",
              "BRIDGE_MAX_CALLS",
              Integer.toString(Math.max(100, calls + 10)),
              "BRIDGE_DRAIN_LIMIT",
              "2s"),
          runDir.resolve(log));
    }
  }

  static byte[] random(int bytes) {
    byte[] out = new byte[bytes];
    new SecureRandom().nextBytes(out);
    return out;
  }

  /** {@code bin/bench fake-openai --port 8090}: the echoing fake OpenAI alone, until killed. */
  public static int runFakeOpenAi(Args args) throws Exception {
    int port = args.integer("port", 8090);
    args.rejectUnknown();
    FakeRealtimeServer server = FakeRealtimeServer.echo(port);
    System.out.println(
        "fake OpenAI Realtime (echo) on "
            + server.url()
            + "; give the bridge OPENAI_REALTIME_URL="
            + server.url()
            + " OPENAI_API_KEY="
            + FakeRealtimeServer.API_KEY);
    new java.util.concurrent.CountDownLatch(1).await();
    return 0;
  }
}
