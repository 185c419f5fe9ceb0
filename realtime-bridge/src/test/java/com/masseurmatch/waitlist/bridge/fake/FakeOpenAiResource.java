package com.masseurmatch.waitlist.bridge.fake;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts {@link FakeRealtimeServer} and points {@code OPENAI_REALTIME_URL} at it by a host name, as
 * production does, resolved through a hosts file of the test's own: only Vert.x' asynchronous
 * resolver reads that file, so every call in these tests also checks that the bridge resolves names
 * off the event loop ({@code quarkus.vertx.use-async-dns}).
 */
public class FakeOpenAiResource implements QuarkusTestResourceLifecycleManager {

  /** The fake's host name; it resolves to 127.0.0.1 through the hosts file only. */
  public static final String HOST = "realtime.openai.test";

  private FakeRealtimeServer server;

  @Override
  public Map<String, String> start() {
    server = new FakeRealtimeServer();
    try {
      int port = server.start();
      Path hosts = Files.createTempFile("bridge-test-hosts", "");
      hosts.toFile().deleteOnExit();
      Files.writeString(hosts, "127.0.0.1 " + HOST + "\n127.0.0.1 localhost\n");
      return Map.of(
          "openai.realtime-url",
          "ws://" + HOST + ":" + port + "/v1/realtime",
          "openai.api-key",
          FakeRealtimeServer.API_KEY,
          "quarkus.vertx.resolver.hosts-path",
          hosts.toString());
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the fake OpenAI Realtime server", e);
    }
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        server,
        new TestInjector.AnnotatedAndMatchesType(InjectFakeOpenAi.class, FakeRealtimeServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
  }
}
