package com.masseurmatch.waitlist.model.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.Annotation;
import java.util.Map;

/**
 * A WireMock server on a dynamic loopback port for one outside HTTP API: subclasses say which
 * settings point the service at it and which annotation marks the test field that receives it.
 */
public abstract class WireMockResource implements QuarkusTestResourceLifecycleManager {

  private WireMockServer server;

  /** The configuration that points the service at {@code http://localhost:port}. */
  protected abstract Map<String, String> settings(int port);

  /** The annotation on the test field that receives the server. */
  protected abstract Class<? extends Annotation> marker();

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return settings(server.port());
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        server, new TestInjector.AnnotatedAndMatchesType(marker(), WireMockServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
