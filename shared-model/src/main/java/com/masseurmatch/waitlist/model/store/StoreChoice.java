package com.masseurmatch.waitlist.model.store;

import java.util.Optional;

/**
 * Which store a service uses, from {@code WAITLIST_STORE} and the Supabase settings. In production
 * an unnamed store is refused rather than silently embedded: two replicas would each keep a private
 * database.
 *
 * @param embedded whether the embedded database is chosen (otherwise Supabase)
 * @param warning what to log at start-up, if anything
 */
public record StoreChoice(boolean embedded, Optional<String> warning) {

  /** {@code WAITLIST_STORE=supabase}. */
  public static final String SUPABASE = "supabase";

  /** {@code WAITLIST_STORE=embedded}. */
  public static final String EMBEDDED = "embedded";

  /**
   * Decides, or throws an {@link IllegalStateException} whose one-line message says what to set.
   *
   * @param store the value of {@code WAITLIST_STORE}, if set
   * @param hasUrl whether {@code SUPABASE_URL} is set
   * @param hasKey whether {@code SUPABASE_SERVICE_ROLE_KEY} is set
   * @param production whether the service runs in the prod profile
   */
  public static StoreChoice decide(
      Optional<String> store, boolean hasUrl, boolean hasKey, boolean production) {
    String named = store.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    if (named == null) {
      if (hasUrl) {
        return supabase(hasUrl, hasKey, "SUPABASE_URL is set");
      }
      if (production) {
        throw new IllegalStateException(
            "No waitlist store configured: set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY, or"
                + " WAITLIST_STORE=embedded for a single-instance embedded database");
      }
      return new StoreChoice(true, Optional.empty());
    }
    switch (named) {
      case SUPABASE:
        return supabase(hasUrl, hasKey, "WAITLIST_STORE=supabase");
      case EMBEDDED:
        return new StoreChoice(
            true,
            hasUrl || hasKey
                ? Optional.of("WAITLIST_STORE=embedded: the Supabase settings are set but not used")
                : Optional.empty());
      default:
        throw new IllegalStateException(
            "WAITLIST_STORE must be supabase or embedded, not '" + named + "'");
    }
  }

  private static StoreChoice supabase(boolean hasUrl, boolean hasKey, String because) {
    if (!hasUrl) {
      throw new IllegalStateException(because + " but SUPABASE_URL is not set");
    }
    if (!hasKey) {
      throw new IllegalStateException(
          because + " but SUPABASE_SERVICE_ROLE_KEY is not set (it is required with SUPABASE_URL)");
    }
    return new StoreChoice(false, Optional.empty());
  }
}
