package com.masseurmatch.waitlist.model.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedDatabase;
import com.masseurmatch.waitlist.model.store.embedded.EmbeddedJobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The job contract on the embedded SQLite database, with a clock the test moves. */
class EmbeddedJobStoreTest extends JobStoreContract {

  @TempDir Path dir;

  private final MovableClock clock = new MovableClock();
  private JobStore store;

  @BeforeEach
  void open() {
    store = new EmbeddedJobStore(new EmbeddedDatabase(dir), new ObjectMapper(), clock);
  }

  @Override
  protected JobStore store() {
    return store;
  }

  @Override
  protected Clock clock() {
    return clock;
  }

  @Override
  protected void expireLeases() {
    clock.now = clock.now.plus(Duration.ofDays(2));
  }

  /** A clock that stands still until the test moves it. */
  static final class MovableClock extends Clock {
    volatile Instant now = Instant.parse("2026-12-06T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
