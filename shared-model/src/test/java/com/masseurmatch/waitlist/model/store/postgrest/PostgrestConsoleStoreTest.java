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
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.console.EditResult;
import com.masseurmatch.waitlist.model.console.EntrySearch;
import com.masseurmatch.waitlist.model.console.EntrySort;
import com.masseurmatch.waitlist.model.console.Overview;
import com.masseurmatch.waitlist.model.console.VoicemailPage;
import com.masseurmatch.waitlist.model.testing.InjectPostgrest;
import com.masseurmatch.waitlist.model.testing.PostgrestWireMock;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistPage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console store on Supabase: the RPC calls and selects it sends, the answers it reads. */
@QuarkusTest
@QuarkusTestResource(value = PostgrestWireMock.class, restrictToAnnotatedClass = true)
class PostgrestConsoleStoreTest {

  @InjectPostgrest WireMockServer postgrest;
  @Inject ConsoleStore console;

  @BeforeEach
  void reset() {
    postgrest.resetAll();
  }

  @Test
  void theOverviewIsOneRpcCallDecodedFromTheFunctionsJson() {
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/rpc/console_overview"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"windows": [{"window": "today", "calls": 3, "signups": 1, "failures": 0,
                          "cost_usd": 0.350000, "median_seconds": 60.000000}],
                         "paths": [{"window": "today", "path": "realtime", "calls": 1, "signups": 1}],
                         "signups_by_day": [{"day": "2026-12-06", "role": "client", "signups": 1}]}
                        """)));

    Overview overview = console.overview(Instant.parse("2026-12-06T15:00:00Z"));

    assertEquals(
        new Overview.Window("today", 3, 1, 0, new BigDecimal("0.350000"), 60.0),
        overview.windows().get(0));
    assertEquals(LocalDate.parse("2026-12-06"), overview.signupsByDay().get(0).day());
    postgrest.verify(
        postRequestedFor(urlPathEqualTo("/rest/v1/rpc/console_overview"))
            .withRequestBody(equalToJson("{\"p_now\": \"2026-12-06T15:00:00Z\"}")));
  }

  @Test
  void aSearchIsOneFilteredCallOfTheSearchFunctionWithAnExactCount() {
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/rpc/search_waitlist"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Content-Range", "0-0/1")
                    .withBody(PostgrestWaitlistStoreTest.ROW.formatted(UUID.randomUUID()))));

    WaitlistPage page =
        console.entries(
            new EntrySearch(
                Optional.of("ann"),
                Optional.of(Role.THERAPIST),
                Optional.of(Source.PHONE),
                Optional.of(LocalDate.parse("2026-12-01")),
                Optional.of(LocalDate.parse("2026-12-06")),
                EntrySort.FULL_NAME,
                false,
                25,
                25));

    assertEquals(1, page.total());
    postgrest.verify(
        postRequestedFor(urlPathEqualTo("/rest/v1/rpc/search_waitlist"))
            .withRequestBody(equalToJson("{\"search_text\": \"ann\"}"))
            .withQueryParam("role", equalTo("eq.therapist"))
            .withQueryParam("source", equalTo("eq.phone"))
            .withQueryParam(
                "and",
                equalTo("(created_at.gte.2026-12-01T00:00:00Z,created_at.lt.2026-12-07T00:00:00Z)"))
            .withQueryParam("order", equalTo("full_name.asc,id.asc"))
            .withQueryParam("offset", equalTo("25"))
            .withQueryParam("limit", equalTo("25"))
            .withHeader("Prefer", equalTo("count=exact")));
  }

  @Test
  void editsAndErasureAreRpcCallsThatReportTheirResult() {
    UUID id = UUID.randomUUID();
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/rpc/console_update_entry"))
            .willReturn(aResponse().withBody("\"email_taken\"")));
    postgrest.stubFor(
        post(urlPathEqualTo("/rest/v1/rpc/console_erase_entry"))
            .willReturn(aResponse().withBody("true")));

    EditResult result =
        console.update(
            id,
            new WaitlistEntry(
                "Ann Lee", "+14155550100", "ann@example.com", Role.CLIENT, Source.WEB, null),
            "Olive");
    boolean erased = console.erase(id, "Olive", "asked by phone");

    assertEquals(EditResult.EMAIL_TAKEN, result);
    assertTrue(erased);
    postgrest.verify(
        postRequestedFor(urlPathEqualTo("/rest/v1/rpc/console_erase_entry"))
            .withRequestBody(
                equalToJson(
                    "{\"p_id\": \""
                        + id
                        + "\", \"p_operator\": \"Olive\", \"p_reason\": \"asked by phone\"}")));
  }

  @Test
  void unhandledVoicemailsAreThoseWithoutAHandledTime() {
    postgrest.stubFor(
        get(urlPathEqualTo("/rest/v1/voicemails"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Range", "0-0/1")
                    .withBody(
                        """
                        [{"id": "00000000-0000-0000-0000-0000000000f1", "recording_sid": "RE1",
                          "duration_s": 12, "created_at": "2026-12-06T10:00:00+00:00",
                          "handled_at": null}]
                        """)));

    VoicemailPage page = console.voicemails(true, 0, 25);

    assertEquals(1, page.total());
    assertEquals(12, page.items().get(0).voicemail().durationSeconds());
    postgrest.verify(
        getRequestedFor(urlPathEqualTo("/rest/v1/voicemails"))
            .withQueryParam("handled_at", equalTo("is.null")));
  }
}
