package com.masseurmatch.waitlist.model.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Settings shared by both services for local data and validation. */
@ConfigMapping(prefix = "waitlist")
public interface WaitlistConfig {

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
}
