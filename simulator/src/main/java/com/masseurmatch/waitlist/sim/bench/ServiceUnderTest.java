package com.masseurmatch.waitlist.sim.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's packaged jar started as its own process for a benchmark, pinned to the given CPUs
 * with {@code taskset} when that exists, its output in a log file. Ready once {@code
 * /q/health/ready} answers 200.
 */
public final class ServiceUnderTest implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;
  private final long readyMillis;

  private ServiceUnderTest(Process process, int port, Path log, long readyMillis) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.readyMillis = readyMillis;
  }

  /** The class-data archive Quarkus writes beside {@code quarkus-run.jar} at package time. */
  private static final String APPCDS_ARCHIVE = "app-cds.jsa";

  private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+\\.\\d+)s");

  public static ServiceUnderTest start(
      Path jar, int port, String cpus, List<String> javaOptions, Map<String, String> env, Path log)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          jar + " does not exist: build it first (./mvnw package -DskipTests)");
    }
    List<String> command = new ArrayList<>();
    if (cpus != null && !cpus.isBlank() && Files.isExecutable(Path.of("/usr/bin/taskset"))) {
      command.addAll(List.of("taskset", "-c", cpus));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    // as deployed: from the application's directory, with the AppCDS archive the build made
    Path directory = jar.toAbsolutePath().getParent();
    if (Files.isRegularFile(directory.resolve(APPCDS_ARCHIVE))) {
      command.add("-XX:SharedArchiveFile=" + APPCDS_ARCHIVE);
    }
    command.addAll(List.of("-jar", jar.getFileName().toString()));
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("LOG_JSON", "false");
    // as in the images: glibc's per-thread malloc arenas otherwise add tens of MB of resident
    // memory
    builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    long began = System.nanoTime();
    Process process = builder.start();
    ServiceUnderTest service = new ServiceUnderTest(process, port, log, 0);
    service.awaitReady(Duration.ofSeconds(60));
    long ready = (System.nanoTime() - began) / 1_000_000;
    return new ServiceUnderTest(process, port, log, ready);
  }

  private void awaitReady(Duration limit) throws InterruptedException, IOException {
    HttpClient client = HttpClient.newHttpClient();
    URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the service exited with " + process.exitValue() + "; its log: " + log);
      }
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    close();
    throw new IllegalStateException("the service was not ready within " + limit + "; log: " + log);
  }

  public int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** Quarkus' own start time ("started in"), from the service's log; -1 when not found. */
  long startedMillis() throws IOException {
    Matcher matcher = STARTED_IN.matcher(Files.readString(log));
    return matcher.find() ? Math.round(Double.parseDouble(matcher.group(1)) * 1000) : -1;
  }

  /** Process start until readiness answered 200, as seen from outside. */
  long readyMillis() {
    return readyMillis;
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
