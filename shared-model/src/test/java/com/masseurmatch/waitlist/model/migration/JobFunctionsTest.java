package com.masseurmatch.waitlist.model.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The job functions of the migration on a real PostgreSQL, each called over JDBC with named
 * arguments as PostgREST calls them, as the service role.
 */
class JobFunctionsTest {

  private MigratedDatabase db;
  private final List<Connection> opened = new ArrayList<>();

  @BeforeEach
  void migrate() throws Exception {
    db = new MigratedDatabase();
    db.migrate();
  }

  @AfterEach
  void drop() throws Exception {
    for (Connection c : opened) {
      c.close();
    }
    db.close();
  }

  // concat_ws leaves nulls out: "status|attempts|locked_by|last_error" shows only what is set

  /** A connection of a worker, as service_role (what PostgREST switches to for the key). */
  private Connection worker() throws SQLException {
    Connection c = db.connect();
    opened.add(c);
    try (var statement = c.createStatement()) {
      statement.execute("set role service_role");
      statement.execute("set statement_timeout = '60s'");
    }
    return c;
  }

  static UUID enqueue(Connection c, String kind, String payload, String dedupeKey, Instant runAt)
      throws SQLException {
    try (PreparedStatement call =
        c.prepareStatement(
            "select public.enqueue_job(kind => ?, payload => ?::jsonb, dedupe_key => ?,"
                + " run_at => ?)")) {
      call.setString(1, kind);
      call.setString(2, payload);
      call.setString(3, dedupeKey);
      call.setTimestamp(4, runAt == null ? null : Timestamp.from(runAt));
      return single(call, UUID.class);
    }
  }

  static List<UUID> claim(Connection c, String worker, int max, int leaseSeconds, String... kinds)
      throws SQLException {
    try (PreparedStatement call =
        c.prepareStatement(
            "select id from public.claim_jobs(worker => ?, kinds => ?, max_jobs => ?,"
                + " lease_seconds => ?)")) {
      call.setString(1, worker);
      call.setArray(2, c.createArrayOf("text", kinds));
      call.setInt(3, max);
      call.setInt(4, leaseSeconds);
      List<UUID> ids = new ArrayList<>();
      try (ResultSet rows = call.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getObject(1, UUID.class));
        }
      }
      return ids;
    }
  }

  static boolean complete(Connection c, UUID id, String worker) throws SQLException {
    try (PreparedStatement call =
        c.prepareStatement("select public.complete_job(id => ?, worker => ?)")) {
      call.setObject(1, id);
      call.setString(2, worker);
      return single(call, Boolean.class);
    }
  }

  static boolean fail(Connection c, UUID id, String worker, String error, Instant retryAt)
      throws SQLException {
    try (PreparedStatement call =
        c.prepareStatement(
            "select public.fail_job(id => ?, worker => ?, error => ?, retry_at => ?)")) {
      call.setObject(1, id);
      call.setString(2, worker);
      call.setString(3, error);
      call.setTimestamp(4, retryAt == null ? null : Timestamp.from(retryAt));
      return single(call, Boolean.class);
    }
  }

  static boolean retry(Connection c, UUID id) throws SQLException {
    try (PreparedStatement call = c.prepareStatement("select public.retry_job(id => ?)")) {
      call.setObject(1, id);
      return single(call, Boolean.class);
    }
  }

  private static <T> T single(PreparedStatement call, Class<T> type) throws SQLException {
    try (ResultSet row = call.executeQuery()) {
      assertTrue(row.next());
      return row.getObject(1, type);
    }
  }

  private String job(UUID id) throws SQLException {
    try (PreparedStatement select =
        db.connection()
            .prepareStatement(
                "select concat_ws('|', status, attempts, locked_by, last_error) from public.jobs"
                    + " where id = ?")) {
      select.setObject(1, id);
      return single(select, String.class);
    }
  }

  private void expireLease(UUID id) throws SQLException {
    db.execute(
        "update public.jobs set locked_until = now() - interval '1 second' where id = '"
            + id
            + "'");
  }

  @Test
  void theSameDedupeKeyReturnsTheExistingJob() throws SQLException {
    Connection c = worker();
    UUID first = enqueue(c, "confirmation.sms", "{\"entry\":1}", "sms:1", null);
    UUID again = enqueue(c, "confirmation.sms", "{\"entry\":2}", "sms:1", null);
    UUID other = enqueue(c, "confirmation.sms", "{}", "sms:2", null);
    UUID unkeyed1 = enqueue(c, "confirmation.sms", null, null, null);
    UUID unkeyed2 = enqueue(c, "confirmation.sms", null, null, null);

    assertEquals(first, again);
    assertNotEquals(first, other);
    assertNotEquals(unkeyed1, unkeyed2);
    assertEquals(4, count("select count(*) from public.jobs"));
    assertEquals(1, count("select count(*) from public.jobs where payload = '{\"entry\":1}'"));
  }

  @Test
  void aConcurrentEnqueueWithTheSameKeyWaitsAndReturnsTheSameJob() throws Exception {
    Connection a = worker();
    Connection b = worker();
    a.setAutoCommit(false);
    UUID fromA = enqueue(a, "analysis", "{}", "call:CA1", null);
    CompletableFuture<UUID> fromB =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return enqueue(b, "analysis", "{}", "call:CA1", null);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    // barrier: B waits on A's unique-index entry
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and query like '%enqueue_job%'")
                    == 1);
    a.commit();
    assertEquals(fromA, fromB.get());
    assertEquals(1, count("select count(*) from public.jobs"));
  }

  @Test
  void twoConcurrentClaimersGetDisjointJobsAndNeitherWaits() throws SQLException {
    Connection setup = worker();
    Set<UUID> all = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      all.add(enqueue(setup, "retention", "{}", "r:" + i, null));
    }
    Connection a = worker();
    Connection b = worker();
    a.setAutoCommit(false);
    List<UUID> byA = claim(a, "worker-a", 4, 60, "retention");
    // A's transaction is still open and holds its rows: B skips them instead of waiting
    List<UUID> byB = claim(b, "worker-b", 10, 60, "retention");
    a.commit();

    assertEquals(4, byA.size());
    assertEquals(6, byB.size());
    Set<UUID> union = new HashSet<>(byA);
    union.addAll(byB);
    assertEquals(all, union, "every job claimed by exactly one worker");
    assertEquals(0, claim(b, "worker-b", 10, 60, "retention").size());
    assertEquals(4, count("select count(*) from public.jobs where locked_by = 'worker-a'"));
  }

  @Test
  void manyWorkersInParallelRunEachJobExactlyOnce() throws Exception {
    Connection setup = worker();
    for (int i = 0; i < 200; i++) {
      enqueue(setup, "confirmation.email", "{}", "e:" + i, null);
    }
    ConcurrentLinkedQueue<UUID> ran = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      String name = "worker-" + w;
      Connection c = worker();
      workers.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  start.await();
                  List<UUID> batch;
                  while (!(batch = claim(c, name, 5, 60, "confirmation.email")).isEmpty()) {
                    for (UUID id : batch) {
                      assertTrue(complete(c, id, name));
                      ran.add(id);
                    }
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    start.countDown();
    CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get();

    assertEquals(200, ran.size());
    assertEquals(200, new HashSet<>(ran).size(), "no job ran twice");
    assertEquals(200, count("select count(*) from public.jobs where status = 'done'"));
    assertEquals(200, count("select count(*) from public.jobs where attempts = 1"));
  }

  @Test
  void anExpiredLeaseIsClaimedAgainAndTheOldWorkerHasLostIt() throws SQLException {
    Connection a = worker();
    Connection b = worker();
    UUID id = enqueue(a, "analysis", "{}", null, null);
    assertEquals(List.of(id), claim(a, "worker-a", 1, 60, "analysis"));
    assertEquals(List.of(), claim(b, "worker-b", 1, 60, "analysis"), "the lease still holds");

    expireLease(id);
    assertEquals(List.of(id), claim(b, "worker-b", 1, 60, "analysis"));
    assertEquals("running|2|worker-b", job(id));

    assertFalse(complete(a, id, "worker-a"));
    assertFalse(fail(a, id, "worker-a", "late", null));
    assertEquals("running|2|worker-b", job(id));
    assertTrue(complete(b, id, "worker-b"));
    assertEquals("done|2", job(id));
    assertFalse(complete(b, id, "worker-b"), "done is done");
  }

  @Test
  void aJobThatKeepsFailingEndsDeadWithItsLastErrorAndCanBeRetried() throws SQLException {
    Connection c = worker();
    UUID id = enqueue(c, "confirmation.sms", "{}", null, null);
    for (int attempt = 1; attempt <= 8; attempt++) {
      assertEquals(List.of(id), claim(c, "w", 1, 60, "confirmation.sms"), "attempt " + attempt);
      assertTrue(fail(c, id, "w", "boom " + attempt, null));
    }
    assertEquals("dead|8|boom 8", job(id));
    assertEquals(List.of(), claim(c, "w", 1, 60, "confirmation.sms"));
    assertEquals(
        "0|0|1", string("select concat_ws('|', due, running, dead) from public.job_stats()"));

    assertTrue(retry(c, id));
    assertEquals("queued|0|boom 8", job(id));
    assertFalse(retry(c, id), "only a dead job is put back");
    assertEquals(List.of(id), claim(c, "w", 1, 60, "confirmation.sms"));
  }

  @Test
  void aFailureWaitsForItsRetryTime() throws SQLException {
    Connection c = worker();
    UUID id = enqueue(c, "analysis", "{}", null, null);
    claim(c, "w", 1, 60, "analysis");
    assertTrue(fail(c, id, "w", "try later", Instant.now().plus(Duration.ofHours(1))));
    assertEquals(List.of(), claim(c, "w", 1, 60, "analysis"));
    db.execute("update public.jobs set run_at = now() - interval '1 second'");
    assertEquals(List.of(id), claim(c, "w", 1, 60, "analysis"));
  }

  @Test
  void aWorkerThatDiedOnTheLastAttemptLeavesTheJobDead() throws SQLException {
    Connection c = worker();
    UUID id = enqueue(c, "analysis", "{}", null, null);
    db.execute("update public.jobs set max_attempts = 1");
    claim(c, "gone", 1, 60, "analysis");
    expireLease(id);
    assertEquals(List.of(), claim(c, "w", 1, 60, "analysis"));
    assertEquals("dead|1|lease of gone expired on attempt 1", job(id));
  }

  @Test
  void onlyDueJobsOfTheClaimedKindsAreTaken() throws SQLException {
    Connection c = worker();
    enqueue(c, "later", "{}", null, Instant.now().plus(Duration.ofHours(1)));
    UUID sms = enqueue(c, "confirmation.sms", "{}", null, null);
    enqueue(c, "other", "{}", null, null);
    assertEquals(List.of(sms), claim(c, "w", 10, 60, "confirmation.sms", "later"));
  }

  @Test
  void badArgumentsAreRefused() throws SQLException {
    Connection c = worker();
    SQLException noWorker =
        assertThrows(SQLException.class, () -> claim(c, " ", 1, 60, "analysis"));
    assertEquals("22023", noWorker.getSQLState());
    SQLException tooMany = assertThrows(SQLException.class, () -> claim(c, "w", 0, 60, "analysis"));
    assertEquals("22023", tooMany.getSQLState());
    SQLException badKind =
        assertThrows(SQLException.class, () -> enqueue(c, "Bad Kind", "{}", null, null));
    assertEquals("23514", badKind.getSQLState());
  }

  @ParameterizedTest(name = "anon and authenticated are denied: {0}")
  @ValueSource(
      strings = {
        "select * from public.jobs",
        "select public.enqueue_job(kind => 'x')",
        "select * from public.claim_jobs(worker => 'w', kinds => array['x'])",
        "select public.complete_job(id => gen_random_uuid(), worker => 'w')",
        "select public.fail_job(id => gen_random_uuid(), worker => 'w', error => 'e')",
        "select public.retry_job(id => gen_random_uuid())",
        "select * from public.job_stats()",
      })
  void onlyTheServiceRoleMayUseJobs(String sql) throws SQLException {
    for (String role : List.of("anon", "authenticated")) {
      Connection c = db.connection();
      c.setAutoCommit(false);
      try {
        db.execute("set local role " + role);
        SQLException e = assertThrows(SQLException.class, () -> db.execute(sql));
        assertEquals("42501", e.getSQLState(), e.getMessage());
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
    assertTrue(
        string("select relrowsecurity::text from pg_class where oid = 'public.jobs'::regclass")
            .equals("true"));
  }

  private long count(String sql) throws SQLException {
    return Long.parseLong(string(sql));
  }

  private String string(String sql) throws SQLException {
    try (PreparedStatement statement = db.connection().prepareStatement(sql);
        ResultSet row = statement.executeQuery()) {
      assertTrue(row.next());
      return row.getString(1);
    }
  }
}
