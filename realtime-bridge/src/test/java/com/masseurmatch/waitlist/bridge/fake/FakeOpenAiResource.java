package com.masseurmatch.waitlist.bridge.fake;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts {@link FakeRealtimeServer} and points {@code OPENAI_REALTIME_URL} at it. */
public class FakeOpenAiResource implements QuarkusTestResourceLifecycleManager {

  private FakeRealtimeServer server;

  @Override
  public Map<String, String> start() {
    server = new FakeRealtimeServer();
    try {
      int port = server.start();
      return Map.of(
          "openai.realtime-url",
          "ws://127.0.0.1:" + port + "/v1/realtime",
          "openai.api-key",
          FakeRealtimeServer.API_KEY);
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
