package com.masseurmatch.waitlist.model.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A WireMock server on a dynamic loopback port standing in for Supabase's PostgREST; points {@code
 * supabase.url} at it. Tests get it injected with {@code @InjectPostgrest}.
 */
public class PostgrestWireMock implements QuarkusTestResourceLifecycleManager {

  public static final String SERVICE_KEY = "test-service-role-key";

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return Map.of(
        "supabase.url",
        "http://localhost:" + server.port(),
        "supabase.service-role-key",
        SERVICE_KEY,
        "supabase.retry-delay",
        "10ms",
        "supabase.read-timeout",
        "2s");
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        server,
        new TestInjector.AnnotatedAndMatchesType(InjectPostgrest.class, WireMockServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
