package com.masseurmatch.waitlist.model.testing;

import java.lang.annotation.Annotation;
import java.util.Map;

/**
 * WireMock standing in for Supabase's PostgREST; points {@code supabase.url} at it. Tests get it
 * injected with {@code @InjectPostgrest}.
 */
public class PostgrestWireMock extends WireMockResource {

  public static final String SERVICE_KEY = "test-service-role-key";

  @Override
  protected Map<String, String> settings(int port) {
    return Map.of(
        "supabase.url",
        "http://localhost:" + port,
        "supabase.service-role-key",
        SERVICE_KEY,
        "supabase.retry-delay",
        "10ms",
        "supabase.read-timeout",
        "2s");
  }

  @Override
  protected Class<? extends Annotation> marker() {
    return InjectPostgrest.class;
  }
}
