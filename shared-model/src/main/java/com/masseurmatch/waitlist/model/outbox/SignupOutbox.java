package com.masseurmatch.waitlist.model.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import com.masseurmatch.waitlist.model.store.WaitlistConfig;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Signups the store could not take, kept as files under {@code WAITLIST_DATA_DIR/outbox} (one per
 * e-mail, written atomically, so a restart loses nothing) and delivered with backoff until the
 * store accepts them. Upserts are idempotent, so a delivery repeated after a crash cannot make a
 * second row. An entry the store rejects outright is moved to {@code outbox/rejected} for an
 * operator.
 */
@Singleton
public class SignupOutbox {

  private static final long FIRST_BACKOFF_MS = 1_000;
  private static final long MAX_BACKOFF_MS = 300_000;

  private final Path dir;
  private final Path rejected;
  private final WaitlistStore store;
  private final ObjectMapper json;
  private final MeterRegistry metrics;
  private final Map<Path, Backoff> backoffs = new ConcurrentHashMap<>();
  private Duration drainLimit = Duration.ofSeconds(20);

  @Inject
  SignupOutbox(
      WaitlistConfig config, WaitlistStore store, ObjectMapper json, MeterRegistry metrics) {
    this(config.dataDir().resolve("outbox"), store, json, metrics);
    this.drainLimit = config.outboxDrainLimit();
  }

  /** An outbox in {@code dir}, delivering to {@code store}, counting in {@code metrics}. */
  public SignupOutbox(Path dir, WaitlistStore store, ObjectMapper json, MeterRegistry metrics) {
    this.dir = dir;
    this.rejected = dir.resolve("rejected");
    this.store = store;
    this.json = json;
    this.metrics = metrics;
    Gauge.builder("waitlist.outbox.depth", this::depth)
        .description("Signups waiting in the outbox for the store")
        .register(metrics);
  }

  /** The folder the entries are kept in. */
  public Path directory() {
    return dir;
  }

  /** Keeps the entry until the store takes it. Blocking (a small file write). */
  public void enqueue(WaitlistEntry entry) {
    Path file = dir.resolve(key(entry.email()) + ".json");
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(dir);
      Files.writeString(tmp, json.writeValueAsString(entry), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      backoffs.remove(file);
      Log.warnf(
          "signup %s kept in the outbox until the store is back", Masking.email(entry.email()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the outbox", e);
    }
  }

  /** Entries waiting. */
  public int depth() {
    return files().size();
  }

  /** Tries every entry whose backoff has passed. */
  @Scheduled(
      every = "${waitlist.outbox-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  synchronized void deliver() {
    long now = System.currentTimeMillis();
    for (Path file : files()) {
      Backoff backoff = backoffs.get(file);
      if (backoff != null && now < backoff.nextAttempt()) {
        continue;
      }
      deliver(file, backoff, now);
    }
  }

  /**
   * Tries every entry now, ignoring backoff, until the outbox is empty, the store is unavailable or
   * {@code budget} has passed; returns the number of entries left. Blocking.
   */
  public synchronized int drain(Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    for (Path file : files()) {
      if (System.nanoTime() - deadline >= 0) {
        break;
      }
      if (!deliver(file, backoffs.get(file), System.currentTimeMillis())) {
        break;
      }
    }
    return depth();
  }

  /**
   * At shutdown, after the service's own drain (live calls), delivers what is waiting for up to
   * {@code WAITLIST_OUTBOX_DRAIN_LIMIT} and says what is left, and where.
   */
  void onShutdown(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ShutdownEvent event) {
    int waiting = depth();
    if (waiting == 0) {
      return;
    }
    Log.infof(
        "outbox: %d signups waiting at shutdown; delivering for up to %s", waiting, drainLimit);
    int left = drain(drainLimit);
    if (left == 0) {
      Log.infof("outbox: delivered all %d signups before shutting down", waiting);
    } else {
      Log.warnf(
          "outbox: %d signups left undelivered in %s; the next service started on this data"
              + " directory delivers them",
          left, dir.toAbsolutePath());
    }
  }

  /** Returns false when the store is unavailable. */
  private boolean deliver(Path file, Backoff backoff, long now) {
    try {
      WaitlistEntry entry = json.readValue(Files.readString(file), WaitlistEntry.class);
      store.upsert(entry);
      Files.deleteIfExists(file);
      backoffs.remove(file);
      delivered("delivered");
      Log.infof("outbox: delivered the signup of %s", Masking.email(entry.email()));
    } catch (StoreUnavailableException e) {
      long delay =
          backoff == null ? FIRST_BACKOFF_MS : Math.min(MAX_BACKOFF_MS, backoff.delay() * 2);
      backoffs.put(file, new Backoff(delay, now + delay));
      delivered("retry");
      return false;
    } catch (StoreRejectedException e) {
      delivered("rejected");
      Log.errorf(
          "outbox: the store rejected %s (%s); moved aside", file.getFileName(), e.getMessage());
      moveAside(file);
      backoffs.remove(file);
    } catch (NoSuchFileException e) {
      // another process sharing the folder delivered it first
      backoffs.remove(file);
    } catch (IOException e) {
      delivered("unreadable");
      Log.errorf("outbox: cannot read %s: %s; moved aside", file.getFileName(), e.getMessage());
      moveAside(file);
    }
    return true;
  }

  private void delivered(String result) {
    metrics.counter("waitlist.outbox.deliveries", "result", result).increment();
  }

  private List<Path> files() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private void moveAside(Path file) {
    try {
      Files.createDirectories(rejected);
      Files.move(file, rejected.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Log.errorf("outbox: cannot move %s: %s", file, e.getMessage());
    }
  }

  /** A file name that reveals nothing of the e-mail. */
  private static String key(String email) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Backoff(long delay, long nextAttempt) {}
}
