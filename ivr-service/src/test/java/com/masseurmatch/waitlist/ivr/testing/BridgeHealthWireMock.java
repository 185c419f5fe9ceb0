package com.masseurmatch.waitlist.ivr.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * WireMock standing in for the realtime bridge's readiness probe and for OpenAI Chat Completions
 * ({@code /v1/chat/completions}); an OpenAI key is configured.
 */
public class BridgeHealthWireMock implements QuarkusTestResourceLifecycleManager {

  public static final String BRIDGE_WSS = "wss://bridge.example.org";

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return Map.of(
        "ivr.realtime.websocket-url",
        BRIDGE_WSS,
        "ivr.realtime.health-url",
        "http://127.0.0.1:" + server.port() + "/q/health/ready",
        "openai.api-key",
        "sk-test-ivr",
        "openai.base-url",
        "http://127.0.0.1:" + server.port() + "/v1",
        "openai.chat-timeout",
        "1s");
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        server, new TestInjector.AnnotatedAndMatchesType(InjectBridge.class, WireMockServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }

  /** Marks the field that receives the bridge-health WireMock server. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface InjectBridge {}
}
