package com.masseurmatch.waitlist.model.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.job.Job;
import com.masseurmatch.waitlist.model.job.JobStats;
import com.masseurmatch.waitlist.model.job.JobStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded job counts: exact on a fresh file, and read from an index, not the whole table. */
class EmbeddedJobStatsTest {

  private static final String KIND = "stats.test";
  private static final Duration LEASE = Duration.ofMinutes(1);

  @TempDir Path dir;

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void countsDueRunningAndDeadJobsAndLeavesOutDoneAndLaterOnes() {
    EmbeddedDatabase database = new EmbeddedDatabase(dir);
    JobStore store = new EmbeddedJobStore(database, new ObjectMapper(), clock);

    UUID dead = store.enqueue(KIND, null, null, null);
    for (int attempt = 0; attempt < JobStore.DEFAULT_MAX_ATTEMPTS; attempt++) {
      assertEquals(dead, only(store.claim("w", List.of(KIND), 1, LEASE)));
      assertTrue(store.fail(dead, "w", "boom", null));
    }
    UUID done = store.enqueue(KIND, null, null, null);
    assertEquals(done, only(store.claim("w", List.of(KIND), 1, LEASE)));
    assertTrue(store.complete(done, "w"));
    UUID running = store.enqueue(KIND, null, null, null);
    assertEquals(running, only(store.claim("w", List.of(KIND), 1, LEASE)));
    store.enqueue(KIND, null, null, null);
    store.enqueue(KIND, null, null, clock.instant().plus(Duration.ofHours(1)));

    assertEquals(new JobStats(1, 1, 1), store.stats());
  }

  @Test
  void theCountsSearchAnIndexInsteadOfScanningTheTable() {
    EmbeddedDatabase database = new EmbeddedDatabase(dir);
    new EmbeddedJobStore(database, new ObjectMapper(), clock);

    List<String> plan =
        database.read(
            connection -> {
              try (PreparedStatement explain =
                  connection.prepareStatement("explain query plan " + EmbeddedJobRows.STATS)) {
                explain.setLong(1, clock.millis());
                List<String> steps = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                  while (rows.next()) {
                    steps.add(rows.getString("detail"));
                  }
                }
                return steps;
              }
            });

    List<String> onJobs = plan.stream().filter(step -> step.contains("jobs")).toList();
    assertEquals(3, onJobs.size(), plan.toString());
    for (String step : onJobs) {
      assertTrue(step.startsWith("SEARCH jobs USING COVERING INDEX jobs_status_idx"), step);
    }
  }

  private static UUID only(List<Job> claimed) {
    assertEquals(1, claimed.size());
    return claimed.get(0).id();
  }
}
