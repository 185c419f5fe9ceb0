package com.masseurmatch.waitlist.ivr.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiResourceTest {

  @Test
  void servesYamlByDefaultAndJsonOnRequest() {
    given()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/yaml"))
        .body(startsWith("---\nopenapi: 3.1.0"))
        .body(containsString("title: MasseurMatch Voice Waitlist - ivr-service"));
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .body("openapi", equalTo("3.1.0"))
        .body("paths", hasKey("/api/waitlist"))
        .body("paths", not(hasKey("/q/openapi")));
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .contentType(startsWith("application/json"));
  }

  /** The build-time document lists exactly the operations the JAX-RS resources declare. */
  @Test
  void documentsEveryOperationOfTheService() throws Exception {
    JsonPath document = JsonPath.from(given().get("/q/openapi?format=json").asString());
    Map<String, Map<String, Object>> paths = document.getMap("paths");
    TreeSet<String> documented = new TreeSet<>();
    paths.forEach(
        (path, operations) -> operations.keySet().forEach(m -> documented.add(m + " " + path)));
    assertEquals(declaredOperations(), documented);
  }

  private static TreeSet<String> declaredOperations() throws Exception {
    TreeSet<String> declared = new TreeSet<>();
    for (String name :
        new String[] {
          "com.masseurmatch.waitlist.model.health.ApiHealthResource",
          "com.masseurmatch.waitlist.ivr.fallback.FallbackResource",
          "com.masseurmatch.waitlist.ivr.job.JobAdminResource",
          "com.masseurmatch.waitlist.ivr.voice.VoiceResource",
          "com.masseurmatch.waitlist.ivr.waitlist.WaitlistResource",
          "com.masseurmatch.waitlist.ivr.sms.SmsResource",
          "com.masseurmatch.waitlist.ivr.confirm.EmailLinkResource",
          "com.masseurmatch.waitlist.ivr.confirm.MessagesAdminResource",
          "com.masseurmatch.waitlist.ivr.recording.RecordingResource",
          "com.masseurmatch.waitlist.ivr.recording.RecordingAudioResource",
          "com.masseurmatch.waitlist.ivr.analysis.CallInsightsResource",
          "com.masseurmatch.waitlist.ivr.experiment.ExperimentResource"
        }) {
      Class<?> resource = Class.forName(name);
      String base = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        String verb =
            method.isAnnotationPresent(GET.class)
                ? "get"
                : method.isAnnotationPresent(POST.class)
                    ? "post"
                    : method.isAnnotationPresent(PUT.class) ? "put" : null;
        if (verb == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        declared.add(verb + " " + base + (sub == null ? "" : sub.value()));
      }
    }
    return declared;
  }
}
