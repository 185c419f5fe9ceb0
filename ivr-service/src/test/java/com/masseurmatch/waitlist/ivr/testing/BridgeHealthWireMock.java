package com.masseurmatch.waitlist.ivr.testing;

import com.masseurmatch.waitlist.model.testing.WireMockResource;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * WireMock standing in for the realtime bridge's readiness probe and for OpenAI Chat Completions
 * ({@code /v1/chat/completions}); an OpenAI key is configured.
 */
public class BridgeHealthWireMock extends WireMockResource {

  public static final String BRIDGE_WSS = "wss://bridge.example.org";

  @Override
  protected Map<String, String> settings(int port) {
    return Map.of(
        "ivr.realtime.websocket-url",
        BRIDGE_WSS,
        "ivr.realtime.health-url",
        "http://127.0.0.1:" + port + "/q/health/ready",
        "openai.api-key",
        "sk-test-ivr",
        "openai.base-url",
        "http://127.0.0.1:" + port + "/v1",
        "openai.chat-timeout",
        "1s");
  }

  @Override
  protected Class<? extends Annotation> marker() {
    return InjectBridge.class;
  }

  /** Marks the field that receives this WireMock server. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface InjectBridge {}
}
