package com.masseurmatch.waitlist.ivr.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.masseurmatch.waitlist.model.testing.WireMockResource;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * WireMock standing in for Twilio's Messages API, as strict as Twilio about what it accepts: the
 * account's Basic auth, a form with {@code To}, {@code From}, {@code Body} and the signed status
 * callback; anything else gets Twilio's error shape. Sets an account, a number and the base URL.
 */
public class TwilioMessagesWireMock extends WireMockResource {

  public static final String ACCOUNT_SID = "AC33333333333333333333333333333333";
  public static final String AUTH_TOKEN = Webhooks.AUTH_TOKEN;
  public static final String FROM = "+14155550123";
  public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
  public static final String STATUS_CALLBACK = Webhooks.PUBLIC_BASE + "/api/sms/status";

  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));

  @Override
  protected Map<String, String> settings(int port) {
    return Map.of(
        "twilio.api-base-url", "http://127.0.0.1:" + port,
        "twilio.account-sid", ACCOUNT_SID,
        "twilio.phone-number", FROM);
  }

  @Override
  protected Class<? extends Annotation> marker() {
    return InjectTwilio.class;
  }

  /** Resets the server to Twilio's rules: a well-formed, authenticated send is created. */
  public static void reset(WireMockServer server) {
    server.resetAll();
    server.stubFor(
        post(urlPathEqualTo(MESSAGES))
            .atPriority(10)
            .willReturn(
                error(400, 21604, "A 'To' phone number is required or the request is malformed.")));
    server.stubFor(
        post(urlPathEqualTo(MESSAGES))
            .atPriority(1)
            .withHeader("Authorization", notMatching(Pattern.quote(BASIC)))
            .willReturn(error(401, 20003, "Authenticate")));
    server.stubFor(
        post(urlPathEqualTo(MESSAGES))
            .atPriority(1)
            .withHeader("Authorization", absent())
            .willReturn(error(401, 20003, "Authenticate")));
    server.stubFor(
        post(urlPathEqualTo(MESSAGES))
            .atPriority(5)
            .withHeader("Authorization", equalTo(BASIC))
            .withFormParam("To", matching("\\+[1-9][0-9]{7,14}"))
            .withFormParam("From", equalTo(FROM))
            .withFormParam("Body", matching("(?s).{1,1600}"))
            .withFormParam("StatusCallback", equalTo(STATUS_CALLBACK))
            .willReturn(created()));
    listReturns(server, List.of());
  }

  /** The next well-formed sends answer 503 (Twilio's shape) instead of creating a message. */
  public static void unavailable(WireMockServer server) {
    server.stubFor(
        post(urlPathEqualTo(MESSAGES))
            .atPriority(2)
            .withHeader("Authorization", equalTo(BASIC))
            .willReturn(error(503, 20500, "Service Unavailable")));
  }

  /** Sends are created again (removes {@link #unavailable}). */
  public static void available(WireMockServer server) {
    server.getStubMappings().stream()
        .filter(s -> s.getPriority() != null && s.getPriority() == 2)
        .toList()
        .forEach(server::removeStub);
  }

  /** Twilio's list of messages answers with these (to, body, sid) messages. */
  public static void listReturns(WireMockServer server, List<String[]> messages) {
    StringBuilder items = new StringBuilder();
    for (String[] m : messages) {
      items.append(items.length() == 0 ? "" : ",").append(message(m[2], m[0], m[1], "sent"));
    }
    server.stubFor(
        get(urlPathEqualTo(MESSAGES))
            .withHeader("Authorization", equalTo(BASIC))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"messages": [%s], "uri": "%s?PageSize=50&Page=0", "first_page_uri":
                        "%s?PageSize=50&Page=0", "next_page_uri": null, "previous_page_uri": null,
                        "page": 0, "page_size": 50, "start": 0, "end": %d}"""
                            .formatted(items, MESSAGES, MESSAGES, messages.size()))));
  }

  /** Every send request that reached the stand-in. */
  public static List<LoggedRequest> sends(WireMockServer server) {
    return server.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)));
  }

  /**
   * The sends to one number: a test counts its own, as another test's job may come due meanwhile.
   */
  public static List<LoggedRequest> sendsTo(WireMockServer server, String to) {
    return sends(server).stream()
        .filter(r -> to.equals(r.formParameter("To").firstValue()))
        .toList();
  }

  /** A created message with a fresh SID, as Twilio answers. */
  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withTransformers("response-template")
        .withBody(
            message(
                "SM{{randomValue length=32 type='ALPHANUMERIC'}}",
                "+10000000000",
                "(body)",
                "queued"));
  }

  private static String message(String sid, String to, String body, String status) {
    return """
        {"sid": "%s", "account_sid": "%s", "to": "%s", "from": "%s", "body": "%s",
         "status": "%s", "num_segments": "1", "direction": "outbound-api",
         "date_created": "%s", "api_version": "2010-04-01",
         "uri": "%s/%s.json"}"""
        .formatted(
            sid,
            ACCOUNT_SID,
            to,
            FROM,
            body,
            status,
            DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)),
            MESSAGES.replace(".json", ""),
            sid);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(
      int status, int code, String message) {
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
  public @interface InjectTwilio {}
}
