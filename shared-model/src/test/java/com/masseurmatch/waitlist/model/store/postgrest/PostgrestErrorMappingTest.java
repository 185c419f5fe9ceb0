package com.masseurmatch.waitlist.model.store.postgrest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.masseurmatch.waitlist.model.store.StoreRejectedException;
import com.masseurmatch.waitlist.model.store.StoreUnavailableException;
import com.masseurmatch.waitlist.model.testing.InjectPostgrest;
import com.masseurmatch.waitlist.model.testing.PostgrestWireMock;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each PostgREST failure class becomes the right exception after the right number of tries. */
@QuarkusTest
@QuarkusTestResource(value = PostgrestWireMock.class, restrictToAnnotatedClass = true)
class PostgrestErrorMappingTest {

  private static final String PATH = "/rest/v1/waitlist";
  private static final WaitlistEntry ENTRY =
      new WaitlistEntry(
          "Ann Lee", "+14155550100", "ann@example.com", Role.CLIENT, Source.WEB, null);

  @InjectPostgrest WireMockServer postgrest;
  @Inject WaitlistStore store;

  @BeforeEach
  void reset() {
    postgrest.resetAll();
  }

  private static String error(String code, String message) {
    return """
        {"code":"%s","message":"%s","details":null,"hint":null}"""
        .formatted(code, message);
  }

  @ParameterizedTest(name = "{0} {1} is rejected without retry")
  @CsvSource({
    "409, 23505",
    "400, PGRST204",
    "400, 23514",
    "401, PGRST301",
    "403, 42501",
    "404, PGRST205",
  })
  void clientErrorsAreRejectedOnce(int status, String code) {
    postgrest.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(aResponse().withStatus(status).withBody(error(code, "refused"))));

    StoreRejectedException e =
        assertThrows(StoreRejectedException.class, () -> store.upsert(ENTRY));

    assertEquals(status, e.status());
    assertEquals(code, e.code());
    assertTrue(e.getMessage().contains(code), e.getMessage());
    postgrest.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @ParameterizedTest(name = "{0} is retried, then unavailable")
  @CsvSource({"502", "503", "504"})
  void gatewayErrorsAreRetriedThreeTimesInAll(int status) {
    postgrest.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(aResponse().withStatus(status).withBody("<html>Bad gateway</html>")));

    StoreUnavailableException e =
        assertThrows(StoreUnavailableException.class, () -> store.upsert(ENTRY));

    assertTrue(e.isRetryable());
    postgrest.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aStatementTimeoutIsUnavailableButNotRetried() {
    postgrest.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody(error("57014", "canceling statement due to statement timeout"))));

    StoreUnavailableException e =
        assertThrows(StoreUnavailableException.class, () -> store.upsert(ENTRY));

    assertFalse(e.isRetryable());
    postgrest.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aDroppedConnectionIsRetried() {
    postgrest.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    StoreUnavailableException e =
        assertThrows(StoreUnavailableException.class, () -> store.upsert(ENTRY));

    assertTrue(e.isRetryable());
    postgrest.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aSlowAnswerTimesOutAndIsRetried() {
    postgrest.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(aResponse().withStatus(201).withBody("[]").withFixedDelay(3_000)));

    assertThrows(StoreUnavailableException.class, () -> store.upsert(ENTRY));
    postgrest.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aTransientFailureFollowedBySuccessSucceeds() {
    postgrest.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("recovered"));
    postgrest.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody(PostgrestWaitlistStoreTest.ROW.formatted(UUID.randomUUID()))));

    assertTrue(store.upsert(ENTRY).created());
    postgrest.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void errorMessagesAreMasked() {
    postgrest.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withBody(error("23505", "duplicate key for ann@example.com"))));

    StoreRejectedException e =
        assertThrows(StoreRejectedException.class, () -> store.upsert(ENTRY));

    assertFalse(e.getMessage().contains("ann@example.com"), e.getMessage());
  }
}
