package com.masseurmatch.waitlist.ivr.testing;

import com.masseurmatch.waitlist.model.testing.WireMockResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * WireMock standing in for the realtime bridge's readiness probe and for OpenAI Chat Completions
 * ({@code /v1/chat/completions}); an OpenAI key is configured.
 */
public class BridgeHealthWireMock extends WireMockResource {

  public static final String BRIDGE_WSS = "wss://bridge.example.org";

  /**
   * Chat Completions is reached by a host name that only the test's hosts file knows, and only
   * Vert.x' asynchronous resolver reads that file: the fallback tests also check that the service
   * resolves names off the event loop ({@code quarkus.vertx.use-async-dns}).
   */
  public static final String CHAT_HOST = "chat.openai.test";

  @Override
  protected Map<String, String> settings(int port) {
    Path hosts;
    try {
      hosts = Files.createTempFile("ivr-test-hosts", "");
      hosts.toFile().deleteOnExit();
      Files.writeString(hosts, "127.0.0.1 " + CHAT_HOST + "\n127.0.0.1 localhost\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "ivr.realtime.websocket-url",
        BRIDGE_WSS,
        "ivr.realtime.health-url",
        "http://127.0.0.1:" + port + "/q/health/ready",
        "openai.api-key",
        "sk-test-ivr",
        "openai.base-url",
        "http://" + CHAT_HOST + ":" + port + "/v1",
        "openai.chat-timeout",
        "1s",
        "quarkus.vertx.resolver.hosts-path",
        hosts.toString());
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
