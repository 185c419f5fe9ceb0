package com.masseurmatch.waitlist.model.store.postgrest;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Adds the Supabase key to every request: always as {@code apikey}, and as the bearer token too,
 * which is what a legacy service_role JWT needs and what a secret key tolerates when identical.
 */
final class PostgrestAuthFilter implements ClientRequestFilter {

  private final String key;

  PostgrestAuthFilter(String key) {
    this.key = key;
  }

  @Override
  public void filter(ClientRequestContext request) {
    request.getHeaders().putSingle("apikey", key);
    request.getHeaders().putSingle("Authorization", "Bearer " + key);
  }
}
