package com.masseurmatch.waitlist.model.job;

import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.store.StoreException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Claims due jobs of the kinds this service has {@link JobHandler}s for, runs them on its own
 * threads and records the outcome: done, retried later with exponential backoff, or dead after the
 * last allowed attempt. An instance without handlers claims nothing (it may still enqueue).
 */
@Singleton
public class JobRunner {

  private final JobStore store;
  private final JobsConfig config;
  private final MeterRegistry metrics;
  private final Clock clock;
  private final Map<String, JobHandler> handlers = new TreeMap<>();
  private final Duration lease;
  private final String worker;
  private final ExecutorService threads;
  private final AtomicReference<Optional<JobStats>> stats = new AtomicReference<>(Optional.empty());
  private volatile long statsAt = Long.MIN_VALUE;

  @Inject
  JobRunner(
      JobStore store,
      JobsConfig config,
      MeterRegistry metrics,
      Clock clock,
      Instance<JobHandler> handlers) {
    this(store, config, metrics, clock, (Iterable<JobHandler>) handlers);
  }

  /** A runner of these handlers, outside CDI. */
  public JobRunner(
      JobStore store,
      JobsConfig config,
      MeterRegistry metrics,
      Clock clock,
      Iterable<JobHandler> handlers) {
    this.store = store;
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
    for (JobHandler handler : handlers) {
      JobHandler previous = this.handlers.put(handler.kind(), handler);
      if (previous != null) {
        throw new IllegalStateException("two job handlers for the kind " + handler.kind());
      }
    }
    this.lease =
        this.handlers.values().stream()
            .map(JobHandler::lease)
            .max(Duration::compareTo)
            .orElse(Duration.ofMinutes(5));
    this.worker = config.worker().orElseGet(JobRunner::defaultWorker);
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            Math.max(1, config.concurrency()),
            task -> {
              Thread thread = new Thread(task, "job-runner-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    if (!this.handlers.isEmpty()) {
      for (String name : List.of("due", "running", "dead")) {
        Gauge.builder("jobs." + name, () -> count(name))
            .description("Background jobs " + name + " (refreshed every JOBS_STATS_INTERVAL)")
            .register(metrics);
      }
    }
  }

  /** The kinds this instance runs. */
  public List<String> kinds() {
    return List.copyOf(handlers.keySet());
  }

  /** This instance's worker name. */
  public String worker() {
    return worker;
  }

  /** The last counts read, if any. */
  public Optional<JobStats> stats() {
    return stats.get();
  }

  @Scheduled(
      every = "${jobs.poll-interval}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    try {
      runDue();
    } catch (StoreException e) {
      Log.warnf("jobs: the store is unavailable (%s); trying again later", e.getMessage());
    }
  }

  /**
   * Claims and runs due jobs until none is left; returns how many ran. Blocking; the scheduler
   * calls it every {@code JOBS_POLL_INTERVAL}.
   */
  public int runDue() {
    if (handlers.isEmpty()) {
      return 0;
    }
    int ran = 0;
    int batch = Math.max(1, Math.min(100, config.concurrency()));
    while (true) {
      List<Job> claimed = store.claim(worker, handlers.keySet(), batch, lease);
      List<Future<?>> running = new ArrayList<>();
      for (Job job : claimed) {
        running.add(threads.submit(() -> run(job)));
      }
      for (Future<?> attempt : running) {
        try {
          attempt.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return ran;
        } catch (java.util.concurrent.ExecutionException e) {
          Log.errorf("jobs: %s", e.getCause());
        }
      }
      ran += claimed.size();
      refreshStats(false);
      if (claimed.size() < batch) {
        refreshStats(true);
        return ran;
      }
    }
  }

  private void run(Job job) {
    JobHandler handler = handlers.get(job.kind());
    Timer.Sample sample = Timer.start(metrics);
    String result;
    try {
      handler.handle(job);
      result = store.complete(job.id(), worker) ? "done" : "lost";
    } catch (Exception e) {
      String error =
          e.getClass().getSimpleName() + ": " + Masking.text(String.valueOf(e.getMessage()));
      Instant retryAt = clock.instant().plus(backoff(job.attempts()));
      boolean held = store.fail(job.id(), worker, error, retryAt);
      result = !held ? "lost" : job.lastAttempt() ? "dead" : "retry";
      if ("dead".equals(result)) {
        Log.errorf(
            "jobs: %s %s is dead after %d attempts: %s",
            job.kind(), job.id(), job.attempts(), error);
      } else {
        Log.warnf(
            "jobs: %s %s failed (attempt %d): %s", job.kind(), job.id(), job.attempts(), error);
      }
    }
    if ("lost".equals(result)) {
      Log.warnf(
          "jobs: %s %s outlived its lease; another worker holds it now", job.kind(), job.id());
    }
    sample.stop(metrics.timer("jobs.run", "kind", job.kind(), "result", result));
  }

  /** The wait after a failed attempt: first-backoff doubled per attempt, capped. */
  Duration backoff(int attempts) {
    Duration delay = config.firstBackoff();
    for (int i = 1; i < attempts && delay.compareTo(config.maxBackoff()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
  }

  /** Re-reads the counts when they are older than {@code JOBS_STATS_INTERVAL}, or now. */
  public void refreshStats(boolean ifStale) {
    long now = clock.millis();
    if (ifStale && now - statsAt < config.statsInterval().toMillis()) {
      return;
    }
    try {
      stats.set(Optional.of(store.stats()));
      statsAt = now;
    } catch (StoreException e) {
      Log.debugf("jobs: cannot read the counts: %s", e.getMessage());
    }
  }

  private double count(String name) {
    return stats
        .get()
        .map(
            s ->
                switch (name) {
                  case "due" -> s.due();
                  case "running" -> s.running();
                  default -> s.dead();
                })
        .orElse(0L)
        .doubleValue();
  }

  @PreDestroy
  void stop() {
    threads.shutdownNow();
  }

  private static String defaultWorker() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
