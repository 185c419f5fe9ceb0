package com.masseurmatch.waitlist.bridge.fake;

import com.masseurmatch.waitlist.model.testing.LoopbackHosts;
import com.masseurmatch.waitlist.testkit.openai.FakeRealtimeServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts {@link FakeRealtimeServer} and points {@code OPENAI_REALTIME_URL} at it by a host name, as
 * production does, known only to a hosts file of the test's own ({@link LoopbackHosts}): every call
 * in these tests also checks that the bridge resolves names off the event loop.
 */
public class FakeOpenAiResource implements QuarkusTestResourceLifecycleManager {

  /** The fake's host name; it resolves to 127.0.0.1 through the test's hosts file only. */
  public static final String HOST = "realtime.openai.test";

  private FakeRealtimeServer server;

  @Override
  public Map<String, String> start() {
    server = new FakeRealtimeServer();
    try {
      int port = server.start();
      Map<String, String> settings = new HashMap<>(LoopbackHosts.setting(HOST));
      settings.put("openai.realtime-url", "ws://" + HOST + ":" + port + "/v1/realtime");
      settings.put("openai.api-key", FakeRealtimeServer.API_KEY);
      return settings;
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
