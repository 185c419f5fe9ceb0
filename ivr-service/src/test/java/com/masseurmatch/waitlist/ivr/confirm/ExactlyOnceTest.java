package com.masseurmatch.waitlist.ivr.confirm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.messagesTo;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.phone;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.signUp;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.masseurmatch.waitlist.ivr.testing.TwilioMessagesWireMock;
import com.masseurmatch.waitlist.ivr.testing.TwilioMessagesWireMock.InjectTwilio;
import com.masseurmatch.waitlist.model.job.JobRunner;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 503 from the Messages API neither loses the SMS nor sends it twice: no library retries it
 * behind the job's back, and the next attempt first looks for it in Twilio's recent messages.
 */
@QuarkusTest
@WithTestResource(TwilioMessagesWireMock.class)
@WithTestResource(NoBackoff.class)
class ExactlyOnceTest {

  @InjectTwilio WireMockServer twilio;
  @Inject JobRunner jobs;

  @BeforeEach
  void reset() {
    TwilioMessagesWireMock.reset(twilio);
    jobs.runDue();
    twilio.resetRequests();
  }

  private int lists(String phone) {
    return twilio
        .findAll(
            getRequestedFor(urlPathEqualTo(TwilioMessagesWireMock.MESSAGES))
                .withQueryParam("To", equalTo(phone)))
        .size();
  }

  @Test
  void a503ThenSuccessSendsExactlyOne() {
    String phone = phone();
    TwilioMessagesWireMock.unavailable(twilio);
    signUp("Di " + tag(), phone, "di." + tag() + "@example.com", "client");
    jobs.runDue();
    // one request: neither twilio-java nor its HTTP client retried the 503
    assertEquals(1, TwilioMessagesWireMock.sendsTo(twilio, phone).size());
    assertEquals("retrying", messagesTo(phone).get(0).get("status"));

    TwilioMessagesWireMock.available(twilio);
    jobs.runDue();
    assertEquals(1, lists(phone));
    assertEquals(2, TwilioMessagesWireMock.sendsTo(twilio, phone).size());
    assertEquals("sent", messagesTo(phone).get(0).get("status"));
    assertEquals(2, messagesTo(phone).get(0).get("attempts"));
    jobs.runDue();
    assertEquals(2, TwilioMessagesWireMock.sendsTo(twilio, phone).size());
  }

  @Test
  void a503ForAMessageTwilioSentAnywayIsNotSentAgain() {
    String phone = phone();
    TwilioMessagesWireMock.unavailable(twilio);
    signUp("Ed " + tag(), phone, "ed." + tag() + "@example.com", "client");
    jobs.runDue();
    assertEquals(1, TwilioMessagesWireMock.sendsTo(twilio, phone).size());
    // Twilio took it despite the 503: its list of messages to the number shows it
    String body =
        TwilioMessagesWireMock.sendsTo(twilio, phone).get(0).formParameter("Body").firstValue();
    String sid = "SM" + "b".repeat(32);
    List<String[]> listed = List.<String[]>of(new String[] {phone, body, sid});
    TwilioMessagesWireMock.listReturns(twilio, listed);
    TwilioMessagesWireMock.available(twilio);

    jobs.runDue();
    assertEquals(1, lists(phone));
    assertEquals(1, TwilioMessagesWireMock.sendsTo(twilio, phone).size());
    assertEquals("sent", messagesTo(phone).get(0).get("status"));
    assertEquals(sid, messagesTo(phone).get(0).get("provider_id"));
  }
}
