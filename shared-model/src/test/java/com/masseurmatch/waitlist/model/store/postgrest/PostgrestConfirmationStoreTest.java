package com.masseurmatch.waitlist.model.store.postgrest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import com.masseurmatch.waitlist.model.testing.InjectPostgrest;
import com.masseurmatch.waitlist.model.testing.PostgrestWireMock;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.SubmitResult;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public save and the confirmations' records call the migration's functions by name. */
@QuarkusTest
@QuarkusTestResource(value = PostgrestWireMock.class, restrictToAnnotatedClass = true)
class PostgrestConfirmationStoreTest {

  @InjectPostgrest WireMockServer postgrest;
  @Inject WaitlistStore waitlist;
  @Inject ConfirmationStore store;

  private final UUID id = UUID.randomUUID();

  @BeforeEach
  void reset() {
    postgrest.resetAll();
  }

  @Test
  void submitCallsTheFunctionWithNamedArguments() {
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/rpc/submit_waitlist_entry"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("[{\"id\":\"" + id + "\",\"outcome\":\"pending\"}]")));
    SubmitResult result =
        waitlist.submit(
            new WaitlistEntry(
                "Ann Lee", "+14155550100", "ann@example.com", Role.CLIENT, Source.WEB, null));
    assertEquals(new SubmitResult(id, SubmitResult.Outcome.PENDING), result);
    postgrest.verify(
        postRequestedFor(urlPathEqualTo("/rest/v1/rpc/submit_waitlist_entry"))
            .withHeader("apikey", equalTo(PostgrestWireMock.SERVICE_KEY))
            .withRequestBody(
                equalToJson(
                    """
                    {"full_name":"Ann Lee","phone":"+14155550100","email":"ann@example.com",
                     "role":"client","source":"web"}""")));
  }

  @Test
  void messagesAndOptOutsGoThroughTheFunctionsAndTables() {
    assertInstanceOf(PostgrestConfirmationStore.class, store);
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/rpc/begin_message"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        [{"id":"%s","dedupe_key":"k","waitlist_id":null,"channel":"sms",
                          "purpose":"signup","destination":"+14155550100","status":"sending",
                          "provider_id":null,"error_code":null,"error":null,"attempts":1,
                          "created_at":"2026-12-06T12:00:00.123+00:00",
                          "updated_at":"2026-12-06T12:00:00.123+00:00"}]"""
                            .formatted(id))));
    MessageRecord message = store.beginAttempt("k", null, Channel.SMS, "signup", "+14155550100");
    assertEquals(id, message.id());
    assertTrue(message.open());
    postgrest.verify(
        postRequestedFor(urlPathEqualTo("/rest/v1/rpc/begin_message"))
            .withRequestBody(
                equalToJson(
                    """
                    {"dedupe_key":"k","channel":"sms","purpose":"signup",
                     "destination":"+14155550100"}""")));

    postgrest.stubFor(
        get(urlPathEqualTo("/rest/v1/sms_opt_outs"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("[{\"phone\":\"+14155550100\"}]")));
    assertTrue(store.smsOptedOut("+14155550100"));
    postgrest.verify(
        getRequestedFor(urlPathEqualTo("/rest/v1/sms_opt_outs"))
            .withQueryParam("phone", equalTo("eq.+14155550100"))
            .withQueryParam("opted_out", equalTo("eq.true")));
  }
}
