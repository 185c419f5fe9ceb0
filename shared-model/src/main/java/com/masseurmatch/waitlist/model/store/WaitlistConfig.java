package com.masseurmatch.waitlist.model.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings shared by both services for local data and validation. */
@ConfigMapping(prefix = "waitlist")
public interface WaitlistConfig {

  /**
   * Which store to use, {@code supabase} or {@code embedded}: {@code WAITLIST_STORE}; required in
   * production unless the Supabase settings are set.
   */
  Optional<String> store();

  /** Folder of the embedded database (and the outbox): {@code WAITLIST_DATA_DIR}. */
  @WithDefault("./data")
  Path dataDir();

  /**
   * Region used for phone numbers given without a country code: {@code WAITLIST_DEFAULT_REGION}.
   */
  @WithDefault("US")
  String defaultRegion();

  /**
   * How often the outbox retries signups the store did not take: {@code WAITLIST_OUTBOX_INTERVAL}.
   */
  @WithDefault("5s")
  Duration outboxInterval();

  /**
   * How long a stopping service keeps delivering its outbox (after its calls have ended): {@code
   * WAITLIST_OUTBOX_DRAIN_LIMIT}.
   */
  @WithDefault("20s")
  Duration outboxDrainLimit();
}
