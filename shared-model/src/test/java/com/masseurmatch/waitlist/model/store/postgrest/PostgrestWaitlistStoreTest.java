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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.model.store.StoreBackend;
import com.masseurmatch.waitlist.model.testing.InjectPostgrest;
import com.masseurmatch.waitlist.model.testing.PostgrestWireMock;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.SaveResult;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import com.masseurmatch.waitlist.model.waitlist.WaitlistQuery;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStats;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgrestWireMock.class, restrictToAnnotatedClass = true)
class PostgrestWaitlistStoreTest {

  static final String ROW =
      """
      [{"id":"%s","full_name":"Ann Lee","phone":"+14155550100","email":"ann@example.com",
        "role":"therapist","source":"phone","call_sid":"CA1",
        "created_at":"2026-11-23T12:00:00.123456+00:00","updated_at":"2026-11-23T12:00:00+00:00"}]
      """;

  @InjectPostgrest WireMockServer postgrest;
  @Inject WaitlistStore store;
  @Inject StoreBackend backend;

  private final UUID id = UUID.randomUUID();

  @BeforeEach
  void reset() {
    postgrest.resetAll();
  }

  private static WaitlistEntry ann(String callSid) {
    return new WaitlistEntry(
        "Ann Lee", "+14155550100", "ann@example.com", Role.THERAPIST, Source.PHONE, callSid);
  }

  @Test
  void theSupabaseBackendIsChosenWhenAUrlIsSet() {
    assertFalse(backend.embedded());
    assertInstanceOf(PostgrestWaitlistStore.class, store);
  }

  @Test
  void upsertSendsTheDocumentedRequest() {
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/waitlist"))
            .willReturn(aResponse().withStatus(201).withBody(ROW.formatted(id))));

    SaveResult result = store.upsert(ann("CA1"));

    assertTrue(result.created());
    assertEquals(id, result.entry().id());
    assertEquals(Role.THERAPIST, result.entry().role());
    assertEquals("2026-11-23T12:00:00.123456Z", result.entry().createdAt().toString());
    postgrest.verify(
        1,
        postRequestedFor(urlPathEqualTo("/rest/v1/waitlist"))
            .withQueryParam("on_conflict", equalTo("email"))
            .withHeader("apikey", equalTo(PostgrestWireMock.SERVICE_KEY))
            .withHeader("Authorization", equalTo("Bearer " + PostgrestWireMock.SERVICE_KEY))
            .withHeader("Prefer", equalTo("resolution=merge-duplicates,return=representation"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"full_name":"Ann Lee","phone":"+14155550100","email":"ann@example.com",
                     "role":"therapist","source":"phone","call_sid":"CA1"}
                    """)));
  }

  @Test
  void anUpdateIsReportedAsUpdatedAndOmitsAMissingCallSid() {
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/waitlist"))
            .willReturn(aResponse().withStatus(200).withBody(ROW.formatted(id))));

    SaveResult result = store.upsert(ann(null));

    assertFalse(result.created());
    assertEquals("updated", result.status());
    postgrest.verify(
        postRequestedFor(urlPathEqualTo("/rest/v1/waitlist"))
            .withRequestBody(
                equalToJson(
                    """
                    {"full_name":"Ann Lee","phone":"+14155550100","email":"ann@example.com",
                     "role":"therapist","source":"phone"}
                    """)));
  }

  @Test
  void listSendsTheRoleFilterPagingAndCountAndReadsTheTotal() {
    postgrest.stubFor(
        get(urlPathEqualTo("/rest/v1/waitlist"))
            .willReturn(
                aResponse()
                    .withStatus(206)
                    .withHeader("Content-Range", "20-20/42")
                    .withBody(ROW.formatted(id))));

    WaitlistPage page =
        store.list(new WaitlistQuery(Optional.of(Role.THERAPIST), Optional.empty(), 20, 10));

    assertEquals(42, page.total());
    assertEquals(1, page.items().size());
    postgrest.verify(
        getRequestedFor(urlPathEqualTo("/rest/v1/waitlist"))
            .withQueryParam("select", equalTo("*"))
            .withQueryParam("role", equalTo("eq.therapist"))
            .withQueryParam("order", equalTo("created_at.desc,id.desc"))
            .withQueryParam("limit", equalTo("10"))
            .withQueryParam("offset", equalTo("20"))
            .withHeader("Prefer", equalTo("count=exact"))
            .withHeader("apikey", equalTo(PostgrestWireMock.SERVICE_KEY)));
  }

  @Test
  void aSearchGoesToTheRpcAsTypedWildcardsIncluded() {
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/rpc/search_waitlist"))
            .willReturn(
                aResponse()
                    .withStatus(206)
                    .withHeader("Content-Range", "0-0/7")
                    .withBody(ROW.formatted(id))));

    WaitlistPage page =
        store.list(
            new WaitlistQuery(Optional.of(Role.CLIENT), Optional.of("50%_*\\ +1415"), 0, 10));

    assertEquals(7, page.total());
    assertEquals(id, page.items().get(0).id());
    // the text goes in the JSON body untouched: no ilike filter, no wildcard in a URL
    postgrest.verify(
        postRequestedFor(urlPathEqualTo("/rest/v1/rpc/search_waitlist"))
            .withRequestBody(
                equalToJson("{\"search_text\":\"50%_*\\\\ +1415\",\"role_filter\":\"client\"}"))
            .withQueryParam("select", equalTo("*"))
            .withQueryParam("order", equalTo("created_at.desc,id.desc"))
            .withQueryParam("limit", equalTo("10"))
            .withQueryParam("offset", equalTo("0"))
            .withHeader("Prefer", equalTo("count=exact")));
    assertEquals(0, postgrest.findAll(getRequestedFor(urlPathEqualTo("/rest/v1/waitlist"))).size());
  }

  @Test
  void aSearchPastTheEndIsAnEmptyPageWithTheTotal() {
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/rpc/search_waitlist"))
            .withQueryParam("offset", equalTo("50"))
            .willReturn(
                aResponse()
                    .withStatus(416)
                    .withBody(
                        "{\"code\":\"PGRST103\",\"message\":\"Requested range not"
                            + " satisfiable\",\"details\":null,\"hint\":null}")));
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/rpc/search_waitlist"))
            .withQueryParam("limit", equalTo("1"))
            .willReturn(
                aResponse()
                    .withStatus(206)
                    .withHeader("Content-Range", "0-0/3")
                    .withBody(ROW.formatted(id))));

    WaitlistPage page = store.list(new WaitlistQuery(Optional.empty(), Optional.of("lee"), 50, 10));

    assertEquals(3, page.total());
    assertTrue(page.items().isEmpty());
  }

  @Test
  void statsComeFromTheRpc() {
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/rpc/waitlist_stats"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        """
                        [{"role":"therapist","source":"phone","entries":3},
                         {"role":"client","source":"web","entries":2},
                         {"role":"client","source":"phone","entries":1}]
                        """)));

    WaitlistStats stats = store.stats();

    assertEquals(6, stats.total());
    assertEquals(3L, stats.byRole().get(Role.THERAPIST));
    assertEquals(3L, stats.byRole().get(Role.CLIENT));
    assertEquals(4L, stats.bySource().get(Source.PHONE));
    assertEquals(0L, stats.bySource().get(Source.VOICEMAIL));
    postgrest.verify(
        postRequestedFor(urlPathEqualTo("/rest/v1/rpc/waitlist_stats"))
            .withRequestBody(equalToJson("{}")));
  }
}
