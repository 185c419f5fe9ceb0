package com.masseurmatch.waitlist.ivr.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.masseurmatch.waitlist.model.testing.WireMockResource;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * WireMock standing in for Twilio's Recordings API, as strict as Twilio: the account's Basic auth;
 * starting a recording of a call ({@code POST .../Calls/{CallSid}/Recordings.json}) answers 201
 * with a new recording only for a form asking for both channels with the signed status callback;
 * deleting ({@code DELETE .../Recordings/{Sid}.json}) answers 204; anything else gets Twilio's
 * error shape. Sets the account, the base URL, {@code RECORDING_MODE=ask} and no job backoff.
 */
public class TwilioRecordingsWireMock extends WireMockResource {

  public static final String ACCOUNT_SID = "AC44444444444444444444444444444444";
  public static final String ACCOUNT = "/2010-04-01/Accounts/" + ACCOUNT_SID;
  public static final String STATUS_CALLBACK = Webhooks.PUBLIC_BASE + "/api/voice/recording/status";

  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (ACCOUNT_SID + ":" + Webhooks.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
  private static final String START = ACCOUNT + "/Calls/CA[0-9a-f]{32}/Recordings\\.json";
  private static final String RECORDING = ACCOUNT + "/Recordings/RE[0-9A-Za-z]{32}\\.json";

  @Override
  protected Map<String, String> settings(int port) {
    return Map.of(
        "twilio.api-base-url", "http://127.0.0.1:" + port,
        "twilio.account-sid", ACCOUNT_SID,
        "recording.mode", "ask",
        "jobs.first-backoff", "0s",
        "jobs.max-backoff", "0s");
  }

  @Override
  protected Class<? extends Annotation> marker() {
    return InjectTwilioRecordings.class;
  }

  /** Resets the server to Twilio's rules. */
  public static void reset(WireMockServer server) {
    server.resetAll();
    for (MappingBuilder any :
        List.of(post(urlPathMatching(START)), delete(urlPathMatching(RECORDING)))) {
      server.stubFor(any.atPriority(10).willReturn(error(400, 21220, "Invalid parameter")));
    }
    for (MappingBuilder unauthenticated :
        List.of(
            post(urlPathMatching(START)).withHeader("Authorization", absent()),
            post(urlPathMatching(START))
                .withHeader("Authorization", notMatching(Pattern.quote(BASIC))),
            delete(urlPathMatching(RECORDING)).withHeader("Authorization", absent()),
            delete(urlPathMatching(RECORDING))
                .withHeader("Authorization", notMatching(Pattern.quote(BASIC))))) {
      server.stubFor(unauthenticated.atPriority(1).willReturn(error(401, 20003, "Authenticate")));
    }
    server.stubFor(
        post(urlPathMatching(START))
            .atPriority(5)
            .withHeader("Authorization", equalTo(BASIC))
            .withFormParam("RecordingChannels", equalTo("dual"))
            .withFormParam("RecordingTrack", equalTo("both"))
            .withFormParam("RecordingStatusCallback", equalTo(STATUS_CALLBACK))
            .withFormParam("RecordingStatusCallbackMethod", equalTo("POST"))
            .willReturn(created()));
    server.stubFor(
        delete(urlPathMatching(RECORDING))
            .atPriority(5)
            .withHeader("Authorization", equalTo(BASIC))
            .willReturn(aResponse().withStatus(204)));
  }

  /** Deleting this recording answers 500 until {@link #reset}. */
  public static void failDeleting(WireMockServer server, String recordingSid) {
    server.stubFor(
        delete(urlPathEqualTo(ACCOUNT + "/Recordings/" + recordingSid + ".json"))
            .atPriority(2)
            .willReturn(error(500, 20500, "Internal Server Error")));
  }

  /** Starting a recording answers 503. */
  public static void unavailable(WireMockServer server) {
    server.stubFor(
        post(urlPathMatching(START))
            .atPriority(2)
            .willReturn(error(503, 20503, "Service Unavailable")));
  }

  /** The requests to start recording this call. */
  public static List<LoggedRequest> starts(WireMockServer server, String callSid) {
    return server.findAll(
        postRequestedFor(urlPathEqualTo(ACCOUNT + "/Calls/" + callSid + "/Recordings.json")));
  }

  /** The requests to delete this recording. */
  public static List<LoggedRequest> deletes(WireMockServer server, String recordingSid) {
    return server.findAll(
        deleteRequestedFor(urlPathEqualTo(ACCOUNT + "/Recordings/" + recordingSid + ".json")));
  }

  /** A recording Twilio created, with a fresh SID, for the call in the path. */
  private static ResponseDefinitionBuilder created() {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withTransformers("response-template")
        .withBody(
            """
            {"account_sid": "%s", "api_version": "2010-04-01",
             "call_sid": "{{request.pathSegments.[4]}}", "conference_sid": null,
             "date_created": "Mon, 07 Dec 2026 01:00:00 +0000",
             "date_updated": "Mon, 07 Dec 2026 01:00:00 +0000",
             "start_time": "Mon, 07 Dec 2026 01:00:00 +0000", "duration": null,
             "sid": "RE{{randomValue length=32 type='ALPHANUMERIC'}}", "price": null,
             "price_unit": "USD", "status": "in-progress", "channels": 2, "source": "StartCallRecordingAPI",
             "error_code": null, "track": "both", "encryption_details": null,
             "uri": "%s/Calls/{{request.pathSegments.[4]}}/Recordings/RE.json"}"""
                .formatted(ACCOUNT_SID, ACCOUNT));
  }

  private static ResponseDefinitionBuilder error(int status, int code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            """
            {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d",
             "status": %d}"""
                .formatted(code, message, code, status));
  }

  /** Marks the field that receives this WireMock server. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface InjectTwilioRecordings {}
}
