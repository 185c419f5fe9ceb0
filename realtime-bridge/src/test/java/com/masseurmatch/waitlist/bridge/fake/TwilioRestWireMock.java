package com.masseurmatch.waitlist.bridge.fake;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** WireMock standing in for Twilio's REST API; sets {@code TWILIO_API_BASE_URL} and an account. */
public class TwilioRestWireMock implements QuarkusTestResourceLifecycleManager {

  public static final String ACCOUNT_SID = "AC22222222222222222222222222222222";
  public static final String AUTH_TOKEN = "test-twilio-auth-token";

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return Map.of(
        "twilio.api-base-url", "http://localhost:" + server.port(),
        "twilio.account-sid", ACCOUNT_SID,
        "twilio.auth-token", AUTH_TOKEN);
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        server,
        new TestInjector.AnnotatedAndMatchesType(InjectTwilioRest.class, WireMockServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
