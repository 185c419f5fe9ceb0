package com.masseurmatch.waitlist.ivr.job;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.model.job.Job;
import com.masseurmatch.waitlist.model.job.JobHandler;
import com.masseurmatch.waitlist.model.job.JobRunner;
import com.masseurmatch.waitlist.model.job.JobStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The job runner with ivr-service's handlers, and the admin API over dead jobs. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class JobAdminTest {

  static final String ADMIN = "Bearer test-admin-token";

  @Inject JobStore jobs;
  @Inject JobRunner runner;
  @Inject EchoHandler echo;

  /** A handler registered like the service's own: a CDI bean. */
  @Singleton
  static class EchoHandler implements JobHandler {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public String kind() {
      return "test.echo";
    }

    @Override
    public void handle(Job job) {
      seen.add(job.payload().get("word").asText());
    }
  }

  private UUID deadJob() {
    String kind = "test.dead" + UUID.randomUUID().toString().substring(0, 8);
    UUID id =
        jobs.enqueue(kind, new ObjectMapper().createObjectNode().put("email", "x@y.z"), null, null);
    for (int attempt = 1; attempt <= JobStore.DEFAULT_MAX_ATTEMPTS; attempt++) {
      assertEquals(1, jobs.claim("w", List.of(kind), 1, Duration.ofMinutes(1)).size());
      assertTrue(jobs.fail(id, "w", "smtp refused", null));
    }
    return id;
  }

  @Test
  void theRunnerRunsTheServicesHandlers() {
    jobs.enqueue(
        "test.echo", new ObjectMapper().createObjectNode().put("word", "hello"), null, null);
    assertTrue(runner.kinds().contains("test.echo"));
    // other tests' jobs may be due too: this one's effect is what counts
    runner.runDue();
    assertEquals(List.of("hello"), echo.seen);
  }

  @Test
  void anOperatorListsDeadJobsAndRetriesOne() {
    UUID id = deadJob();
    given()
        .header("Authorization", ADMIN)
        .get("/api/admin/jobs/dead")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id.toString()))
        .body("items.find { it.id == '" + id + "' }.status", equalTo("dead"))
        .body("items.find { it.id == '" + id + "' }.attempts", equalTo(8))
        .body("items.find { it.id == '" + id + "' }.last_error", equalTo("smtp refused"))
        .body("items.find { it.id == '" + id + "' }.payload", equalTo(null));

    given()
        .header("Authorization", ADMIN)
        .post("/api/admin/jobs/" + id + "/retry")
        .then()
        .statusCode(200)
        .body("id", equalTo(id.toString()))
        .body("status", equalTo("queued"));

    given()
        .header("Authorization", ADMIN)
        .get("/api/admin/jobs/dead")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id.toString())));
    given()
        .header("Authorization", ADMIN)
        .post("/api/admin/jobs/" + id + "/retry")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void theApiNeedsTheAdminTokenAndValidInput() {
    UUID id = deadJob();
    given().get("/api/admin/jobs/dead").then().statusCode(401);
    given()
        .header("Authorization", "Bearer wrong-token-0123456789")
        .post("/api/admin/jobs/" + id + "/retry")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", ADMIN)
        .post("/api/admin/jobs/not-a-uuid/retry")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .header("Authorization", ADMIN)
        .get("/api/admin/jobs/dead?limit=0")
        .then()
        .statusCode(400);
    // none of the refused requests changed the job
    assertEquals(
        Job.DEAD,
        jobs.dead(200).stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow().status());
  }
}
