package com.masseurmatch.waitlist.ivr.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.model.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store failure behind an admin API is problem+json: 503 when PostgREST fails on its side, 502
 * when it refuses the request.
 */
@QuarkusTest
@TestProfile(StoreErrorsTest.FailingStore.class)
class StoreErrorsTest {

  static final String ADMIN = "Bearer test-admin-token";

  /** The Supabase store, pointed at a WireMock PostgREST. */
  public static class FailingStore implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(PostgrestWireMock.class));
    }
  }

  /** WireMock standing in for PostgREST; one attempt per request. */
  public static class PostgrestWireMock extends WireMockResource {
    @Override
    protected Map<String, String> settings(int port) {
      return Map.of(
          "waitlist.store", "supabase",
          "supabase.url", "http://127.0.0.1:" + port,
          "supabase.service-role-key", "test-service-role-key",
          "supabase.max-attempts", "1");
    }

    @Override
    protected Class<? extends Annotation> marker() {
      return InjectPostgrest.class;
    }
  }

  /** Marks the field that receives the PostgREST WireMock. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface InjectPostgrest {}

  @InjectPostgrest WireMockServer postgrest;

  @BeforeEach
  void failing() {
    postgrest.resetAll();
    postgrest.stubFor(
        any(urlPathMatching("/rest/v1/.*call_insights.*"))
            .willReturn(aResponse().withStatus(503).withBody("{}")));
    postgrest.stubFor(
        any(urlPathMatching("/rest/v1/jobs"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":\"42703\",\"message\":\"column does not exist\"}")));
  }

  @Test
  void anUnavailableStoreIs503() {
    assertProblem(
        "/api/admin/calls",
        503,
        "Service unavailable",
        "The store cannot be reached; try again soon.");
  }

  @Test
  void aRefusedRequestIs502() {
    assertProblem("/api/admin/jobs/dead", 502, "Bad gateway", "The store refused the request.");
  }

  private static void assertProblem(String path, int status, String title, String detail) {
    given()
        .header("Authorization", ADMIN)
        .get(path)
        .then()
        .statusCode(status)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(status))
        .body("title", equalTo(title))
        .body("detail", equalTo(detail));
  }
}
