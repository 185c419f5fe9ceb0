package com.masseurmatch.waitlist.ivr.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Operator access to the admin API and pages. */
@ConfigMapping(prefix = "admin")
public interface AdminConfig {

  /** {@code ADMIN_TOKEN}: the bearer token (or password) for the admin API and pages. */
  Optional<String> token();
}
