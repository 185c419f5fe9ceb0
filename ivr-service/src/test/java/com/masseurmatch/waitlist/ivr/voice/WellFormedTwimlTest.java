package com.masseurmatch.waitlist.ivr.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock;
import com.masseurmatch.waitlist.ivr.testing.BridgeHealthWireMock.InjectBridge;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.ivr.testing.Webhooks.Twiml;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever a signed webhook carries, the TwiML answer is well-formed XML. */
@QuarkusTest
@QuarkusTestResource(BridgeHealthWireMock.class)
class WellFormedTwimlTest {

  @InjectBridge WireMockServer bridge;

  @Test
  void aCallerIdWithControlAndNonCharactersStillGivesAWellFormedHandOff() {
    bridge.stubFor(
        get(urlPathEqualTo("/api/health/ready"))
            .willReturn(aResponse().withStatus(200).withBody("{}")));
    Map<String, String> params = Webhooks.call(Webhooks.newCallSid());
    params.put("From", "+1415\u0000555\u00010100\uFFFF\uFFFE\u001b\"<&>");
    // Webhooks.twiml parses the answer and fails on anything that is not XML
    Twiml twiml = Webhooks.twiml("/api/voice/realtime", params);
    assertEquals(
        "+14155550100\"<&>",
        twiml.text("/Response/Connect/Stream/Parameter[@name='caller']/@value"));
  }

  @Test
  void aBadMenuAttemptIsA400ProblemBeforeTheSignatureIsChecked() {
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParams(Webhooks.call(Webhooks.newCallSid()))
        .post("/api/voice/menu?attempt=abc")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400));
    Webhooks.post("/api/voice/menu?attempt=2", Webhooks.call(Webhooks.newCallSid()))
        .then()
        .statusCode(200);
  }
}
