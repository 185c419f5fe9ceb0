package com.masseurmatch.waitlist.sim.bench;

import com.masseurmatch.waitlist.sim.Args;
import com.masseurmatch.waitlist.testkit.process.FreePort;
import com.masseurmatch.waitlist.testkit.process.ServiceProcess;
import com.masseurmatch.waitlist.testkit.twilio.WebhookSigner;
import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * {@code bin/bench ivr}: starts ivr-service pinned to its own CPUs and sends signed Twilio webhooks
 * at a fixed rate, alternating a call's {@code POST /api/voice} and its {@code POST
 * /api/voice/menu} with digit 1 (answered with the redirect to the realtime step). Latency counts
 * from when each request was due, so a stalled server is not hidden by a generator that waited for
 * it; {@code --trace FILE} writes every request of the measured pass as CSV.
 */
public final class IvrLoad {

  private static final long MAX_MICROS = 60_000_000L;

  private IvrLoad() {}

  public static int run(Args args) throws Exception {
    int rate = args.integer("rate", 500);
    Duration length = args.seconds("seconds", 30);
    Duration warmup = args.seconds("warmup-seconds", 60);
    int connections = args.integer("connections", 32);
    String cpus = args.text("ivr-cpus", "0");
    Path jar = Path.of(args.text("jar", "ivr-service/target/quarkus-app/quarkus-run.jar"));
    Optional<Path> aotOutput = args.text("aot-output").map(Path::of);
    List<String> javaOptions =
        JvmOptions.withAotOutput(
            args.text("ivr-java-opts", JvmOptions.IVR), aotOutput, "--aot-output");
    var json = args.text("json");
    var trace = args.text("trace");
    args.rejectUnknown();
    if (rate < 1 || rate > 20_000) {
      throw new IllegalArgumentException("--rate must be 1..20000");
    }

    String authToken = HexFormat.of().formatHex(BridgeLoad.random(16));
    String streamSecret = HexFormat.of().formatHex(BridgeLoad.random(32));
    int port = FreePort.find();
    String base = "http://127.0.0.1:" + port;
    Path runDir =
        Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "bench-");
    Vertx vertx =
        Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
    try {
      HttpServer postgrest = PostgrestStandIn.start(vertx);
      try (ServiceProcess ivr =
          ServiceUnderTest.start(
              jar,
              port,
              cpus,
              javaOptions,
              Map.of(
                  "TWILIO_AUTH_TOKEN",
                  authToken,
                  "PUBLIC_BASE_URL",
                  base,
                  "STREAM_TOKEN_SECRET",
                  streamSecret,
                  "WAITLIST_DATA_DIR",
                  runDir.resolve("data").toString(),
                  "SUPABASE_URL",
                  "http://127.0.0.1:" + postgrest.actualPort(),
                  "SUPABASE_SERVICE_ROLE_KEY",
                  "bench-service-role-key",
                  "ADMIN_TOKEN",
                  authToken),
              runDir.resolve("ivr-service.log"))) {
        HttpClient client =
            vertx.createHttpClient(
                new HttpClientOptions()
                    .setDefaultHost("127.0.0.1")
                    .setDefaultPort(port)
                    .setKeepAlive(true)
                    .setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        Driver driver = new Driver(vertx, client, new WebhookSigner(authToken), base);
        StringBuilder out = new StringBuilder();
        out.append(
            String.format(
                "ivr-service: %d requests/s for %d s (warm-up %d s), %d connections,"
                    + " service on CPU %s, started in %d ms (Quarkus' own figure), ready in %d ms%n",
                rate,
                length.toSeconds(),
                warmup.toSeconds(),
                connections,
                cpus,
                ivr.startedMillis(),
                ivr.readyMillis()));
        if (!warmup.isZero()) {
          out.append("warm-up  ").append(driver.run(rate, warmup).text()).append('\n');
        }
        ProcessProbe probe = new ProcessProbe(ivr.pid());
        double cpuBefore = probe.cpuSeconds();
        long began = System.nanoTime();
        StringBuilder requests =
            trace.isPresent() ? new StringBuilder("due_ms,path,latency_ms,ok\n") : null;
        driver.trace(requests);
        Result measured = driver.run(rate, length);
        double cpuShare = (probe.cpuSeconds() - cpuBefore) / ((System.nanoTime() - began) / 1e9);
        out.append("measured ").append(measured.text()).append('\n');
        out.append(
            String.format(
                "ivr-service CPU %.0f%% of one core (%.2f ms per request)%n",
                cpuShare * 100, cpuShare * 1000.0 / rate));
        System.out.print(out);
        System.out.println("service log: " + ivr.log());
        if (aotOutput.isPresent()) {
          JvmOptions.awaitAotCache(ivr, aotOutput.get());
        }
        if (json.isPresent()) {
          Files.writeString(Path.of(json.get()), measured.json(rate, length));
        }
        if (trace.isPresent()) {
          Files.writeString(Path.of(trace.get()), requests);
        }
        return measured.errors() == 0 ? 0 : 1;
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  record Result(Histogram latency, Histogram lag, long sent, long ok, long errors) {
    String text() {
      return String.format(
          "sent %d, 200 %d, errors %d; latency %s; generator lag %s",
          sent, ok, errors, BridgeReport.percentiles(latency), BridgeReport.percentiles(lag));
    }

    String json(int rate, Duration length) {
      return String.format(
          "{\"rate\":%d,\"seconds\":%d,\"sent\":%d,\"ok\":%d,\"errors\":%d,\"latencyMs\":%s}%n",
          rate, length.toSeconds(), sent, ok, errors, BridgeReport.percentilesJson(latency));
    }
  }

  /** Sends the requests on the one event loop, each at its due time. */
  private static final class Driver {
    private final Vertx vertx;
    private final HttpClient client;
    private final WebhookSigner signer;
    private final String base;
    private final String runId = HexFormat.of().formatHex(BridgeLoad.random(4));
    private long calls;
    private StringBuilder trace;
    private long began;

    Driver(Vertx vertx, HttpClient client, WebhookSigner signer, String base) {
      this.vertx = vertx;
      this.client = client;
      this.signer = signer;
      this.base = base;
    }

    Result run(int rate, Duration length) throws InterruptedException {
      long total = (long) rate * length.toSeconds();
      Histogram latency = new Histogram(MAX_MICROS, 3);
      Histogram lag = new Histogram(MAX_MICROS, 3);
      long[] counts = new long[3]; // sent, ok, errors
      CountDownLatch done = new CountDownLatch(1);
      long interval = 1_000_000_000L / rate;
      began = System.nanoTime();
      long[] next = {0};
      // Scheduled on Netty's epoll loop, which wakes to the microsecond: a Vert.x timer wakes to
      // the millisecond and would add up to a millisecond of the generator's own lag to each
      // request. The generator's Vert.x has one event loop, so the context runs on it too.
      Context context = vertx.getOrCreateContext();
      EventLoop loop = vertx.nettyEventLoopGroup().next();
      Runnable[] tick = new Runnable[1];
      tick[0] =
          () ->
              context.runOnContext(
                  v -> {
                    long now = System.nanoTime();
                    while (next[0] < total && began + next[0] * interval <= now) {
                      long due = began + next[0] * interval;
                      LoadStats.record(lag, now - due);
                      send(next[0]++, due, latency, counts, total, done);
                    }
                    if (next[0] < total) {
                      long wait = began + next[0] * interval - System.nanoTime();
                      loop.schedule(tick[0], wait, TimeUnit.NANOSECONDS);
                    }
                  });
      loop.execute(tick[0]);
      if (!done.await(length.toSeconds() + 60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("requests did not finish within a minute of the run");
      }
      return new Result(latency, lag, counts[0], counts[1], counts[2]);
    }

    /**
     * Every request of the next pass as a CSV line (due time, path, latency, answered), or none.
     */
    void trace(StringBuilder lines) {
      this.trace = lines;
    }

    private void send(
        long n, long due, Histogram latency, long[] counts, long total, CountDownLatch done) {
      boolean answer = n % 2 == 0;
      long call = answer ? ++calls : calls;
      Map<String, String> form = new LinkedHashMap<>();
      form.put("AccountSid", "AC" + "0".repeat(32));
      form.put("CallSid", "CA" + runId + String.format("%024x", call));
      form.put("From", String.format("+1415555%04d", call % 10_000));
      form.put("To", "+14155550100");
      form.put("CallStatus", answer ? "ringing" : "in-progress");
      form.put("Direction", "inbound");
      form.put("ApiVersion", "2010-04-01");
      if (!answer) {
        form.put("Digits", "1");
      }
      String path = answer ? "/api/voice" : "/api/voice/menu";
      String body =
          form.entrySet().stream()
              .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
              .collect(Collectors.joining("&"));
      RequestOptions request =
          new RequestOptions()
              .setMethod(HttpMethod.POST)
              .setURI(path)
              .putHeader("Content-Type", "application/x-www-form-urlencoded")
              .putHeader("X-Twilio-Signature", signer.sign(base + path, form));
      counts[0]++;
      client
          .request(request)
          .compose(r -> r.send(Buffer.buffer(body)))
          .compose(
              response ->
                  response
                      .body()
                      .map(b -> response.statusCode() == 200 && b.toString().contains("<Response")))
          .onComplete(
              result -> {
                long took = System.nanoTime() - due;
                LoadStats.record(latency, took);
                boolean ok = result.succeeded() && result.result();
                if (trace != null) {
                  trace.append(
                      String.format(
                          "%.3f,%s,%.3f,%b%n", (due - began) / 1e6, path, took / 1e6, ok));
                }
                if (ok) {
                  counts[1]++;
                } else {
                  counts[2]++;
                }
                if (counts[1] + counts[2] == total) {
                  done.countDown();
                }
              });
    }

    private static String enc(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}
