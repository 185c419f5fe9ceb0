package com.masseurmatch.waitlist.model.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What every {@link JobStore} promises, and the {@link JobRunner} on top of it. */
public abstract class JobStoreContract {

  static final ObjectMapper JSON = new ObjectMapper();

  protected abstract JobStore store();

  /** The clock the store compares leases and run times with. */
  protected abstract Clock clock();

  /** Makes every current lease expire (as if its worker had died long ago). */
  protected abstract void expireLeases() throws Exception;

  /** A kind no other test uses, so each test sees only its own jobs. */
  private final String kind = "test.k" + UUID.randomUUID().toString().substring(0, 8);

  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  private static ObjectNode payload(int n) {
    return JSON.createObjectNode().put("n", n);
  }

  private JobRunner runner(JobHandler... handlers) {
    // no wait between attempts, so each runDue() makes the next attempt
    return new JobRunner(
        store(), new Settings(Duration.ZERO, Duration.ZERO), metrics, clock(), List.of(handlers));
  }

  private JobHandler handler(String kind, Work work) {
    return new JobHandler() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public void handle(Job job) throws Exception {
        work.run(job);
      }
    };
  }

  @Test
  void aDedupeKeyAddsOneJobOnly() {
    UUID first = store().enqueue(kind, payload(1), kind + ":a", null);
    UUID again = store().enqueue(kind, payload(2), kind + ":a", null);
    UUID other = store().enqueue(kind, payload(3), kind + ":b", null);
    assertEquals(first, again);
    assertNotEquals(first, other);
    List<Job> claimed = store().claim("w", List.of(kind), 10, Duration.ofMinutes(1));
    assertEquals(2, claimed.size());
    Job a = claimed.stream().filter(j -> j.id().equals(first)).findFirst().orElseThrow();
    assertEquals(1, a.payload().get("n").asInt(), "the first payload is kept");
    assertEquals(Job.RUNNING, a.status());
    assertEquals(1, a.attempts());
    assertEquals(JobStore.DEFAULT_MAX_ATTEMPTS, a.maxAttempts());
    assertEquals("w", a.lockedBy());
  }

  @Test
  void twoWorkersNeverHoldTheSameJobAndAnExpiredLeaseIsClaimedAgain() throws Exception {
    UUID id = store().enqueue(kind, payload(1), null, null);
    assertEquals(1, store().claim("a", List.of(kind), 5, Duration.ofMinutes(1)).size());
    assertEquals(List.of(), store().claim("b", List.of(kind), 5, Duration.ofMinutes(1)));

    expireLeases();
    List<Job> reclaimed = store().claim("b", List.of(kind), 5, Duration.ofMinutes(1));
    assertEquals(List.of(id), reclaimed.stream().map(Job::id).toList());
    assertEquals(2, reclaimed.get(0).attempts());

    assertFalse(store().complete(id, "a"), "a lost its lease");
    assertFalse(store().fail(id, "a", "late", null));
    assertTrue(store().complete(id, "b"));
  }

  @Test
  void aJobEndsDeadAfterItsLastAttemptAndAnOperatorCanPutItBack() {
    UUID id = store().enqueue(kind, payload(1), null, null);
    for (int attempt = 1; attempt <= JobStore.DEFAULT_MAX_ATTEMPTS; attempt++) {
      assertEquals(1, store().claim("w", List.of(kind), 1, Duration.ofMinutes(1)).size());
      assertTrue(store().fail(id, "w", "boom " + attempt, null));
    }
    assertEquals(List.of(), store().claim("w", List.of(kind), 1, Duration.ofMinutes(1)));
    Job dead = store().dead(100).stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    assertEquals(Job.DEAD, dead.status());
    assertEquals("boom 8", dead.lastError());
    assertTrue(store().stats().dead() >= 1);

    assertTrue(store().retry(id));
    assertFalse(store().retry(id));
    assertEquals(1, store().claim("w", List.of(kind), 1, Duration.ofMinutes(1)).size());
  }

  @Test
  void theRunnerRunsEachDueJobOfItsKindsOnceAndLeavesOtherKinds() {
    String foreign = kind + ".other";
    for (int i = 0; i < 6; i++) {
      store().enqueue(kind, payload(i), null, null);
    }
    UUID notMine = store().enqueue(foreign, payload(99), null, null);
    List<Integer> seen = new CopyOnWriteArrayList<>();
    JobRunner runner = runner(handler(kind, job -> seen.add(job.payload().get("n").asInt())));

    assertEquals(6, runner.runDue());
    assertEquals(0, runner.runDue());
    assertEquals(List.of(0, 1, 2, 3, 4, 5), seen.stream().sorted().toList());
    assertEquals(6, metrics.get("jobs.run").tag("result", "done").timer().count());
    List<Job> foreignJobs = store().claim("check", List.of(foreign), 5, Duration.ofMinutes(1));
    assertEquals(List.of(notMine), foreignJobs.stream().map(Job::id).toList());
    assertEquals(1, foreignJobs.get(0).attempts(), "the runner never claimed it");
  }

  @Test
  void theRunnerRetriesAFailingJobUntilItIsDead() {
    UUID id = store().enqueue(kind, payload(1), null, null);
    List<Integer> attempts = new ArrayList<>();
    JobRunner runner =
        runner(
            handler(
                kind,
                job -> {
                  attempts.add(job.attempts());
                  throw new IllegalStateException("smtp down");
                }));
    for (int i = 0; i < JobStore.DEFAULT_MAX_ATTEMPTS + 1; i++) {
      runner.runDue();
    }
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), attempts);
    assertEquals(7, metrics.get("jobs.run").tag("result", "retry").timer().count());
    assertEquals(1, metrics.get("jobs.run").tag("result", "dead").timer().count());
    Job dead = store().dead(100).stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    assertEquals("IllegalStateException: smtp down", dead.lastError());
    runner.refreshStats(false);
    assertTrue(runner.stats().orElseThrow().dead() >= 1);
    assertTrue(metrics.get("jobs.dead").gauge().value() >= 1);
  }

  @Test
  void aRunnerThatOutlivesItsLeaseCannotCompleteTheJob() {
    UUID id = store().enqueue(kind, payload(1), null, null);
    List<UUID> thief = new ArrayList<>();
    JobRunner runner =
        runner(
            handler(
                kind,
                job -> {
                  expireLeases();
                  store().claim("thief", List.of(kind), 5, Duration.ofMinutes(1)).stream()
                      .map(Job::id)
                      .forEach(thief::add);
                }));
    assertEquals(1, runner.runDue());
    assertEquals(List.of(id), thief);
    assertEquals(1, metrics.get("jobs.run").tag("result", "lost").timer().count());
    assertTrue(store().complete(id, "thief"), "the thief still holds it");
  }

  @Test
  void backoffDoublesUpToItsCap() {
    JobRunner runner =
        new JobRunner(
            store(),
            new Settings(Duration.ofSeconds(30), Duration.ofHours(1)),
            metrics,
            clock(),
            List.of());
    assertEquals(Duration.ofSeconds(30), runner.backoff(1));
    assertEquals(Duration.ofSeconds(60), runner.backoff(2));
    assertEquals(Duration.ofSeconds(120), runner.backoff(3));
    assertEquals(Duration.ofHours(1), runner.backoff(30));
    assertEquals(0, runner.runDue(), "no handlers: nothing is claimed");
    assertEquals(new HashSet<>(), new HashSet<>(runner.kinds()));
  }

  /** The work of a test handler. */
  interface Work {
    void run(Job job) throws Exception;
  }

  /** Runner settings for tests. */
  record Settings(Duration firstBackoff, Duration maxBackoff) implements JobsConfig {
    @Override
    public String pollInterval() {
      return "off";
    }

    @Override
    public int concurrency() {
      return 4;
    }

    @Override
    public Duration statsInterval() {
      return Duration.ZERO;
    }

    @Override
    public Optional<String> worker() {
      return Optional.of("runner-under-test");
    }
  }
}
