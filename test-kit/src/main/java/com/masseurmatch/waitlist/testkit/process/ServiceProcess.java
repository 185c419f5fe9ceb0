package com.masseurmatch.waitlist.testkit.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A packaged Quarkus service ({@code quarkus-run.jar}) run as a real process on a free port, its
 * output in a log file: for tests of start-up and shutdown, the end-to-end tests and the benchmark.
 * {@link #start(Map)} runs the module's own jar with exactly the given environment (plus PATH and
 * HOME); {@link #launch(Path)} configures everything else.
 */
public final class ServiceProcess implements AutoCloseable {

  /** The class-data archive Quarkus writes beside {@code quarkus-run.jar} at package time. */
  private static final String APPCDS_ARCHIVE = "app-cds.jsa";

  /**
   * The AOT cache {@code bin/aot-cache} trains beside {@code quarkus-run.jar} (JDK 25 and later:
   * classes loaded and linked ahead of time, method profiles from the training run).
   */
  private static final String AOT_CACHE = "app.aot";

  private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+\\.\\d+)s");

  private final Process process;
  private final Path log;
  private final int port;
  private final long began = System.nanoTime();
  private volatile long readyMillis = -1;

  private ServiceProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts {@code target/quarkus-app/quarkus-run.jar} with exactly this environment. */
  public static ServiceProcess start(Map<String, String> env) throws IOException {
    return launch(Path.of("target/quarkus-app/quarkus-run.jar")).onlyEnvironment(env).start();
  }

  /** How to start {@code jar}. */
  public static Launch launch(Path jar) {
    return new Launch(jar);
  }

  /** The settings of one start. */
  public static final class Launch {
    private final Path jar;
    private int port = -1;
    private String cpus;
    private final List<String> javaOptions = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private boolean clean;
    private boolean asDeployed;
    private Path log;

    private Launch(Path jar) {
      this.jar = jar;
    }

    /** The port ({@code PORT}); a free one by default. */
    public Launch port(int port) {
      this.port = port;
      return this;
    }

    /** Pins the process to these CPUs with {@code taskset}, where it exists. */
    public Launch cpus(String cpus) {
      this.cpus = cpus;
      return this;
    }

    public Launch javaOptions(List<String> options) {
      javaOptions.addAll(options);
      return this;
    }

    /** Adds to the inherited environment. */
    public Launch environment(Map<String, String> variables) {
      env.putAll(variables);
      return this;
    }

    /** Only these variables, plus PATH and HOME: nothing of the test's own environment leaks. */
    public Launch onlyEnvironment(Map<String, String> variables) {
      clean = true;
      env.putAll(variables);
      return this;
    }

    /**
     * As the images run it: from the application's directory with its AOT cache on a JDK 25 or
     * later that has one (its AppCDS archive otherwise), plain-text logs and glibc's malloc arenas
     * capped (otherwise tens of MB of resident memory). Java options that name an AOT cache or
     * class-data archive themselves replace that choice.
     */
    public Launch asDeployed() {
      asDeployed = true;
      return this;
    }

    /** Where the output goes; a temporary file by default. */
    public Launch log(Path file) {
      this.log = file;
      return this;
    }

    private List<String> classDataOptions(Path directory) {
      boolean chosen =
          javaOptions.stream()
              .anyMatch(o -> o.startsWith("-XX:AOT") || o.startsWith("-XX:SharedArchiveFile"));
      if (chosen) {
        return List.of();
      }
      if (Runtime.version().feature() >= 25 && Files.isRegularFile(directory.resolve(AOT_CACHE))) {
        return List.of("-XX:AOTCache=" + AOT_CACHE);
      }
      if (Files.isRegularFile(directory.resolve(APPCDS_ARCHIVE))) {
        return List.of("-XX:SharedArchiveFile=" + APPCDS_ARCHIVE);
      }
      return List.of();
    }

    public ServiceProcess start() throws IOException {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException(
            jar + " does not exist: build it first (./mvnw package -DskipTests)");
      }
      int chosen = port > 0 ? port : FreePort.find();
      List<String> command = new ArrayList<>();
      if (cpus != null && !cpus.isBlank() && Files.isExecutable(Path.of("/usr/bin/taskset"))) {
        command.addAll(List.of("taskset", "-c", cpus));
      }
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(javaOptions);
      Path directory = jar.toAbsolutePath().getParent();
      if (asDeployed) {
        command.addAll(classDataOptions(directory));
      }
      command.add("-jar");
      command.add(asDeployed ? jar.getFileName().toString() : jar.toString());
      Path output = log != null ? log : Files.createTempFile("service-", ".log");
      if (output.getParent() != null) {
        Files.createDirectories(output.getParent());
      }
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      if (asDeployed) {
        builder.directory(directory.toFile());
      }
      Map<String, String> environment = builder.environment();
      if (clean) {
        String path = environment.get("PATH");
        String home = environment.get("HOME");
        environment.clear();
        environment.put("PATH", path == null ? "/usr/bin:/bin" : path);
        environment.put("HOME", home == null ? "/tmp" : home);
      }
      if (asDeployed) {
        environment.put("LOG_JSON", "false");
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
      }
      environment.put("PORT", Integer.toString(chosen));
      environment.putAll(env);
      return new ServiceProcess(builder.start(), output, chosen);
    }
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** Everything the process wrote so far (a file, so nothing is lost at shutdown). */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** Waits for {@code /q/health/ready} to answer 200; stops the process if it never does. */
  public ServiceProcess awaitReady(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = awaitHttp("/q/health/ready", limit);
      if (response.statusCode() == 200) {
        readyMillis = (System.nanoTime() - began) / 1_000_000;
        return this;
      }
      Thread.sleep(50);
    }
    close();
    throw new IllegalStateException("not ready within " + limit + "; log: " + log);
  }

  /** Process start until readiness answered 200, as seen from outside; -1 before that. */
  public long readyMillis() {
    return readyMillis;
  }

  /** Quarkus' own start time ("started in"), from the log; -1 when not found. */
  public long startedMillis() {
    Matcher matcher = STARTED_IN.matcher(output());
    return matcher.find() ? Math.round(Double.parseDouble(matcher.group(1)) * 1000) : -1;
  }

  /** Waits for the process to exit; returns its exit code, or -1 if it is still running. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** Polls {@code GET path} until it answers (any status); returns the last response. */
  public HttpResponse<String> awaitHttp(String path, Duration timeout) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited:\n" + output());
      }
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("no answer within " + timeout + ":\n" + output(), last);
  }

  /** Sends SIGTERM, as a container platform does. */
  public void terminate() {
    process.destroy();
  }

  /** SIGTERM, then up to 30 s for a graceful exit before the process is killed. */
  public void stop() throws InterruptedException {
    stop(Duration.ofSeconds(30));
  }

  /**
   * SIGTERM, then up to {@code grace} for a graceful exit before the process is killed: a JVM
   * training an AOT cache writes it while it exits.
   */
  public void stop(Duration grace) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
