package com.masseurmatch.waitlist.bridge.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.bridge.metrics.BridgeMetrics;
import com.masseurmatch.waitlist.model.logging.Masking;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import com.masseurmatch.waitlist.model.store.WaitlistConfig;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
  private final BridgeMetrics metrics;
  private final Map<Path, Backoff> backoffs = new ConcurrentHashMap<>();

  SignupOutbox(
      WaitlistConfig config, WaitlistStore store, ObjectMapper json, BridgeMetrics metrics) {
    this.dir = config.dataDir().resolve("outbox");
    this.rejected = dir.resolve("rejected");
    this.store = store;
    this.json = json;
    this.metrics = metrics;
    try {
      Files.createDirectories(rejected);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the outbox at " + dir, e);
    }
    metrics.outboxDepth(this::depth);
  }

  /** Keeps the entry until the store takes it. Blocking (a small file write). */
  public void enqueue(WaitlistEntry entry) {
    Path file = dir.resolve(key(entry.email()) + ".json");
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try {
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
      every = "${bridge.outbox-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void deliver() {
    long now = System.currentTimeMillis();
    for (Path file : files()) {
      Backoff backoff = backoffs.get(file);
      if (backoff != null && now < backoff.nextAttempt()) {
        continue;
      }
      deliver(file, backoff, now);
    }
  }

  private void deliver(Path file, Backoff backoff, long now) {
    try {
      WaitlistEntry entry = json.readValue(Files.readString(file), WaitlistEntry.class);
      store.upsert(entry);
      Files.deleteIfExists(file);
      backoffs.remove(file);
      metrics.outboxDelivered("delivered");
      Log.infof("outbox: delivered the signup of %s", Masking.email(entry.email()));
    } catch (StoreUnavailableException e) {
      long delay =
          backoff == null ? FIRST_BACKOFF_MS : Math.min(MAX_BACKOFF_MS, backoff.delay() * 2);
      backoffs.put(file, new Backoff(delay, now + delay));
      metrics.outboxDelivered("retry");
    } catch (StoreRejectedException e) {
      metrics.outboxDelivered("rejected");
      Log.errorf(
          "outbox: the store rejected %s (%s); moved aside", file.getFileName(), e.getMessage());
      move(file, rejected.resolve(file.getFileName()));
      backoffs.remove(file);
    } catch (IOException e) {
      metrics.outboxDelivered("unreadable");
      Log.errorf("outbox: cannot read %s: %s; moved aside", file.getFileName(), e.getMessage());
      move(file, rejected.resolve(file.getFileName()));
    }
  }

  private List<Path> files() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Log.errorf("outbox: cannot move %s: %s", from, e.getMessage());
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
