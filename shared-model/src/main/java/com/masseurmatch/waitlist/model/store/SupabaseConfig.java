package com.masseurmatch.waitlist.model.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Supabase (PostgREST) connection; without a URL the embedded database is used. */
@ConfigMapping(prefix = "supabase")
public interface SupabaseConfig {

  /**
   * Project URL ({@code SUPABASE_URL} or {@code NEXT_PUBLIC_SUPABASE_URL}); PostgREST is below
   * /rest/v1.
   */
  Optional<URI> url();

  /** Secret or legacy service_role key ({@code SUPABASE_SERVICE_ROLE_KEY}); required with a URL. */
  Optional<String> serviceRoleKey();

  /** TCP connect timeout for PostgREST requests. */
  @WithDefault("3s")
  Duration connectTimeout();

  /** Time to wait for a PostgREST response. */
  @WithDefault("10s")
  Duration readTimeout();

  /** Attempts for a request that failed on the network or with 502/503/504, the first included. */
  @WithDefault("3")
  int maxAttempts();

  /** Delay before the first retry; doubles on each further retry. */
  @WithDefault("200ms")
  Duration retryDelay();
}
