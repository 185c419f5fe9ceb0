package com.masseurmatch.waitlist.ivr.experiment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock.InjectBridge;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.voice.CallLog;
import com.masseurmatch.waitlist.model.call.CallOutcome;
import com.masseurmatch.waitlist.model.call.CallRecord;
import com.masseurmatch.waitlist.model.call.CallRecordStore;
import com.masseurmatch.waitlist.model.experiment.Experiment;
import com.masseurmatch.waitlist.model.experiment.ExperimentStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API for experiments, the IVR's assignment of calls, and the results. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class ExperimentApiTest {

  private static final String ADMIN = "Bearer test-admin-token";
  private static final String TWO_VOICES =
      """
      {"name": "%s", "variants": [
        {"name": "control", "weight": 50, "settings": {"voice": "marin"}},
        {"name": "cedar", "weight": 50, "settings": {"voice": "cedar", "chat_model": "gpt-4.1-mini"}}
      ]}""";

  @InjectBridge WireMockServer bridge;
  @Inject ExperimentStore store;
  @Inject CallRecordStore calls;
  @Inject RunningExperiments running;
  @Inject CallLog log;

  @BeforeEach
  void resetBridge() {
    bridge.resetAll();
  }

  @AfterEach
  void stopAll() {
    store.running().forEach(e -> store.stop(e.id()));
    running.refresh();
  }

  private static String create(String body) {
    return given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/admin/experiments")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/admin/experiments/"))
        .body("status", equalTo("draft"))
        .extract()
        .path("id");
  }

  private static void start(String id) {
    given()
        .header("Authorization", ADMIN)
        .post("/api/admin/experiments/" + id + "/start")
        .then()
        .statusCode(200)
        .body("status", equalTo("running"));
  }

  @Test
  void anExperimentIsCreatedStartedListedAndStopped() {
    String id = create(TWO_VOICES.formatted("voices"));
    given()
        .header("Authorization", ADMIN)
        .get("/api/admin/experiments/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("voices"))
        .body("variants[1].settings.voice", equalTo("cedar"))
        .body("variants[1].settings.chat_model", equalTo("gpt-4.1-mini"));
    start(id);
    given()
        .header("Authorization", ADMIN)
        .get("/api/admin/experiments")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    given()
        .header("Authorization", ADMIN)
        .post("/api/admin/experiments/" + id + "/stop")
        .then()
        .statusCode(200)
        .body("status", equalTo("stopped"))
        .body("stopped_at", notNullValue());
    given()
        .header("Authorization", ADMIN)
        .get("/api/admin/experiments/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().get("/api/admin/experiments").then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(TWO_VOICES.formatted("x"))
        .post("/api/admin/experiments")
        .then()
        .statusCode(401);
  }

  @Test
  void unknownSettingsAndValuesAreRefusedNamingTheField() {
    Map<String, String> bad = new HashMap<>();
    bad.put(
        "{\"name\":\"x\",\"variants\":[{\"name\":\"control\",\"weight\":1},"
            + "{\"name\":\"b\",\"weight\":1,\"settings\":{\"colour\":\"blue\"}}]}",
        "variants[1].settings.colour");
    bad.put(
        "{\"name\":\"x\",\"variants\":[{\"name\":\"control\",\"weight\":1},"
            + "{\"name\":\"b\",\"weight\":1,\"settings\":{\"voice\":\"robot\"}}]}",
        "variants[1].settings.voice");
    bad.put(
        "{\"name\":\"x\",\"variants\":[{\"name\":\"control\",\"weight\":1,"
            + "\"settings\":{\"realtime_model\":\"gpt-9\"}},{\"name\":\"b\",\"weight\":1}]}",
        "variants[0].settings.realtime_model");
    bad.put(
        "{\"name\":\"x\",\"variants\":[{\"name\":\"control\",\"weight\":1},"
            + "{\"name\":\"b\",\"weight\":1,\"settings\":{\"max_output_tokens\":\"lots\"}}]}",
        "variants[1].settings.max_output_tokens");
    bad.put(
        "{\"name\":\"x\",\"variants\":[{\"name\":\"control\",\"weight\":1},"
            + "{\"name\":\"b\",\"weight\":1,\"settings\":{\"eagerness\":\"high\"}}]}",
        "variants[1].settings.eagerness");
    bad.put(
        "{\"name\":\"x\",\"variants\":[{\"name\":\"control\",\"weight\":0},"
            + "{\"name\":\"b\",\"weight\":1}]}",
        "variants[0].weight");
    bad.put(
        "{\"name\":\"x\",\"variants\":[{\"name\":\"a\",\"weight\":1},{\"name\":\"a\",\"weight\":1}]}",
        "variants[1].name");
    bad.put("{\"name\":\"x\",\"variants\":[{\"name\":\"a\",\"weight\":1}]}", "variants");
    bad.put(
        "{\"name\":\"x\",\"language\":\"English\",\"variants\":[{\"name\":\"a\",\"weight\":1},"
            + "{\"name\":\"b\",\"weight\":1}]}",
        "language");
    bad.put("{\"variants\":[]}", "name");
    int before = store.list().size();
    bad.forEach(
        (body, field) ->
            given()
                .header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/experiments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("detail", containsString(field)));
    assertEquals(before, store.list().size(), "nothing was stored");
  }

  @Test
  void aSecondExperimentForTheSameCallsIsRefusedClearly() {
    String first = create(TWO_VOICES.formatted("first"));
    String second = create(TWO_VOICES.formatted("second"));
    start(first);
    given()
        .header("Authorization", ADMIN)
        .post("/api/admin/experiments/" + second + "/start")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body(
            "detail",
            equalTo("experiment \"first\" is already running for every language; stop it first"));
    assertEquals(Experiment.DRAFT, store.find(UUID.fromString(second)).orElseThrow().status());
  }

  @Test
  void callsAreSplitByCallerNumberRepeatCallersKeepTheirVariantAndRowsRecordIt() {
    bridge.stubFor(
        get(urlPathEqualTo("/api/health/ready"))
            .willReturn(aResponse().withStatus(200).withBody("{}")));
    String id = create(TWO_VOICES.formatted("split"));
    start(id);
    Map<String, String> firstVariant = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 40; i++) {
        String caller = String.format("+1415555%04d", 2000 + i);
        String callSid = Webhooks.newCallSid();
        Map<String, String> params = Webhooks.call(callSid);
        params.put("From", caller);
        Webhooks.Twiml twiml = Webhooks.twiml("/api/voice/realtime", params);
        assertEquals(
            id, twiml.text("/Response/Connect/Stream/Parameter[@name='experiment']/@value"));
        String variant = twiml.text("/Response/Connect/Stream/Parameter[@name='variant']/@value");
        assertTrue(variant.equals("control") || variant.equals("cedar"), variant);
        if (round == 0) {
          firstVariant.put(caller, variant);
          counts.merge(variant, 1, Integer::sum);
        } else {
          assertEquals(firstVariant.get(caller), variant, "repeat caller " + caller);
        }
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    calls
                        .find(callSid)
                        .filter(r -> variant.equals(r.variant()))
                        .filter(r -> UUID.fromString(id).equals(r.experimentId()))
                        .isPresent());
      }
    }
    assertEquals(2, counts.size(), "both variants got callers: " + counts);
    // a withheld number: the call SID decides, and the fallback path records the variant too
    bridge.stubFor(
        get(urlPathEqualTo("/api/health/ready"))
            .willReturn(aResponse().withStatus(503).withBody("{}")));
    String anonymous = Webhooks.newCallSid();
    Map<String, String> params = Webhooks.call(anonymous);
    params.put("From", "Anonymous");
    assertEquals("Redirect", Webhooks.twiml("/api/voice/realtime", params).verbs());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> calls.find(anonymous).map(CallRecord::variant).isPresent());
  }

  @Test
  void aCallOutsideAnyExperimentRecordsNone() {
    bridge.stubFor(
        get(urlPathEqualTo("/api/health/ready"))
            .willReturn(aResponse().withStatus(200).withBody("{}")));
    String callSid = Webhooks.newCallSid();
    Webhooks.Twiml twiml = Webhooks.twiml("/api/voice/realtime", Webhooks.call(callSid));
    assertEquals(0, twiml.count("//Parameter[@name='variant' or @name='experiment']"), twiml.xml());
    // the IVR writes a call's changes in order: once this one is in, the webhook's are too
    log.write(CallRecord.of(callSid).withOutcome(CallOutcome.ABANDONED));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> calls.find(callSid).map(CallRecord::outcome).isPresent());
    Optional<CallRecord> row = calls.find(callSid);
    assertNull(row.orElseThrow().experimentId());
    assertNull(row.orElseThrow().variant());
  }

  @Test
  void theResultsMatchAHandComputation() {
    String id = create(TWO_VOICES.formatted("results"));
    UUID experiment = UUID.fromString(id);
    // control: 120 calls, 30 signups, 40 abandoned, lengths 1..120 s, $0.10 each
    // cedar: 120 calls, 48 signups, 24 abandoned, lengths 31..150 s, $0.05 + $0.01 chat each
    record(experiment, "control", 120, 30, 40, 1, "0.10", null);
    record(experiment, "cedar", 120, 48, 24, 31, "0.05", "0.01");
    JsonPath results =
        given()
            .header("Authorization", ADMIN)
            .get("/api/admin/experiments/" + id + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    assertEquals(List.of("control", "cedar"), results.getList("variants.name"));
    assertEquals(120, results.getInt("variants[0].calls"));
    assertEquals(30, results.getInt("variants[0].signups"));
    assertEquals(0.25, results.getDouble("variants[0].signup_rate"), 1e-9);
    assertEquals(0.181098, results.getDouble("variants[0].ci_low"), 1e-6);
    assertEquals(0.334411, results.getDouble("variants[0].ci_high"), 1e-6);
    assertNull(results.get("variants[0].p_value"));
    assertEquals(60.5, results.getDouble("variants[0].median_seconds"), 1e-9);
    assertEquals(40 / 120.0, results.getDouble("variants[0].abandonment_rate"), 1e-9);
    assertEquals(
        0,
        new BigDecimal("12")
            .compareTo(results.getObject("variants[0].cost_usd", BigDecimal.class)));
    assertEquals(
        0,
        new BigDecimal("0.1")
            .compareTo(results.getObject("variants[0].cost_per_call", BigDecimal.class)));
    assertEquals(
        0,
        new BigDecimal("0.4")
            .compareTo(results.getObject("variants[0].cost_per_signup", BigDecimal.class)));
    assertEquals(0.40, results.getDouble("variants[1].signup_rate"), 1e-9);
    assertEquals(0.316764, results.getDouble("variants[1].ci_low"), 1e-6);
    assertEquals(0.489440, results.getDouble("variants[1].ci_high"), 1e-6);
    assertEquals(0.15, results.getDouble("variants[1].difference"), 1e-9);
    assertEquals(0.013113, results.getDouble("variants[1].p_value"), 1e-6);
    assertEquals(90.5, results.getDouble("variants[1].median_seconds"), 1e-9);
    assertEquals(0.2, results.getDouble("variants[1].abandonment_rate"), 1e-9);
    assertEquals(
        0,
        new BigDecimal("0.06")
            .compareTo(results.getObject("variants[1].cost_per_call", BigDecimal.class)));
    assertEquals(
        0,
        new BigDecimal("0.15")
            .compareTo(results.getObject("variants[1].cost_per_signup", BigDecimal.class)));
    assertEquals("cedar", results.getString("verdict.winner"));
    assertTrue(
        results.getString("verdict.reason").contains("p = 0.01311"),
        results.getString("verdict.reason"));
  }

  @Test
  void noWinnerIsNamedBeforeEachArmHasItsMinimumCalls() {
    String id = create(TWO_VOICES.formatted("early"));
    UUID experiment = UUID.fromString(id);
    record(experiment, "control", 20, 2, 5, 1, "0.10", null);
    record(experiment, "cedar", 99, 60, 5, 1, "0.10", null);
    given()
        .header("Authorization", ADMIN)
        .get("/api/admin/experiments/" + id + "/results")
        .then()
        .statusCode(200)
        .body("verdict.winner", equalTo(null))
        .body("verdict.reason", containsString("not enough calls yet: control has 20 of the 100"));
  }

  /** {@code count} calls of one variant, lasting {@code firstSeconds} upwards one second apart. */
  private void record(
      UUID experiment,
      String variant,
      int count,
      int signups,
      int abandoned,
      int firstSeconds,
      String cost,
      String chatCost) {
    Instant start = Instant.parse("2026-12-06T12:00:00Z");
    for (int i = 0; i < count; i++) {
      CallOutcome outcome =
          i < signups
              ? CallOutcome.SIGNED_UP
              : i < signups + abandoned ? CallOutcome.ABANDONED : CallOutcome.FAILED;
      calls.upsert(
          CallRecord.of(Webhooks.newCallSid())
              .withStartedAt(start)
              .withEndedAt(start.plusSeconds(firstSeconds + i))
              .withOutcome(outcome)
              .withVariant(experiment, variant)
              .withUsage(null, new BigDecimal(cost))
              .withChatUsage(null, chatCost == null ? null : new BigDecimal(chatCost)));
    }
  }
}
