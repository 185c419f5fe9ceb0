package com.masseurmatch.waitlist.ivr.testing;

import com.masseurmatch.waitlist.model.testing.LoopbackHosts;
import com.masseurmatch.waitlist.model.testing.WireMockResource;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

/**
 * WireMock standing in for the realtime bridge's readiness probe and for OpenAI Chat Completions
 * ({@code /v1/chat/completions}); an OpenAI key is configured.
 */
public class BridgeHealthWireMock extends WireMockResource {

  public static final String BRIDGE_WSS = "wss://bridge.example.org";

  /**
   * Chat Completions is reached by a host name only the test's hosts file knows ({@link
   * LoopbackHosts}): the fallback tests also check that the service resolves names off the event
   * loop.
   */
  public static final String CHAT_HOST = "chat.openai.test";

  @Override
  protected Map<String, String> settings(int port) {
    Map<String, String> settings = new HashMap<>(LoopbackHosts.setting(CHAT_HOST));
    settings.put("ivr.realtime.websocket-url", BRIDGE_WSS);
    settings.put("ivr.realtime.health-url", "http://127.0.0.1:" + port + "/api/health/ready");
    settings.put("openai.api-key", "sk-test-ivr");
    settings.put("openai.base-url", "http://" + CHAT_HOST + ":" + port + "/v1");
    // long enough for a cold first request on a busy machine, short for the slow-chat test
    settings.put("openai.chat-timeout", "3s");
    return settings;
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
