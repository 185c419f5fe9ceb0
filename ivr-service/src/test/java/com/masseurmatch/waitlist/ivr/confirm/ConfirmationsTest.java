package com.masseurmatch.waitlist.ivr.confirm;

import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.messagesTo;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.phone;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.signUp;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.tag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.masseurmatch.waitlist.ivr.testing.GreenMailResource;
import com.masseurmatch.waitlist.ivr.testing.GreenMailResource.InjectGreenMail;
import com.masseurmatch.waitlist.ivr.testing.Mails;
import com.masseurmatch.waitlist.ivr.testing.TwilioMessagesWireMock;
import com.masseurmatch.waitlist.ivr.testing.TwilioMessagesWireMock.InjectTwilio;
import com.masseurmatch.waitlist.ivr.testing.Webhooks;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.job.JobRunner;
import com.masseurmatch.waitlist.model.tool.SaveWaitlistEntryTool;
import com.masseurmatch.waitlist.model.waitlist.Source;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signup from any channel sends one SMS (to Twilio's Messages API stand-in) and one e-mail (to a
 * real SMTP server), once; the assertions are on what the stand-ins received.
 */
@QuarkusTest
@WithTestResource(TwilioMessagesWireMock.class)
@WithTestResource(GreenMailResource.class)
class ConfirmationsTest {

  @InjectTwilio WireMockServer twilio;
  @InjectGreenMail GreenMail mail;
  @Inject JobRunner jobs;
  @Inject ConfirmationStore store;
  @Inject SaveWaitlistEntryTool tool;

  @BeforeEach
  void reset() {
    TwilioMessagesWireMock.reset(twilio);
    jobs.runDue();
    twilio.resetRequests();
  }

  private List<MimeMessage> mailTo(String email) {
    return List.of(mail.getReceivedMessages()).stream()
        .filter(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equals(email);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }

  private static Map<String, String> form(LoggedRequest request) {
    return Map.of(
        "To", request.formParameter("To").firstValue(),
        "From", request.formParameter("From").firstValue(),
        "Body", request.formParameter("Body").firstValue(),
        "StatusCallback", request.formParameter("StatusCallback").firstValue());
  }

  @Test
  void aWebSignupSendsOneSmsAndOneEmailAndARepeatNothing() throws Exception {
    String tag = tag();
    String email = "ann." + tag + "@example.com";
    String phone = phone();
    signUp("Ann " + tag, phone, email, "therapist");
    jobs.runDue();

    List<LoggedRequest> sends = TwilioMessagesWireMock.sendsTo(twilio, phone);
    assertEquals(1, sends.size());
    Map<String, String> sms = form(sends.get(0));
    assertEquals(phone, sms.get("To"));
    assertEquals(TwilioMessagesWireMock.FROM, sms.get("From"));
    assertEquals(TwilioMessagesWireMock.STATUS_CALLBACK, sms.get("StatusCallback"));
    assertTrue(sms.get("Body").contains("e-mail " + email), sms.get("Body"));
    assertTrue(sms.get("Body").contains("massage therapist"), sms.get("Body"));
    assertTrue(sms.get("Body").contains("STOP"), sms.get("Body"));

    List<MimeMessage> received = mailTo(email);
    assertEquals(1, received.size());
    MimeMessage message = received.get(0);
    assertEquals("You're on the MasseurMatch waitlist", message.getSubject());
    assertEquals(GreenMailResource.FROM, message.getFrom()[0].toString());
    Map<String, String> parts = Mails.parts(message);
    String text = parts.get("text/plain");
    String html = parts.get("text/html");
    assertTrue(text.contains("Hi Ann,") && text.contains("as a massage therapist"), text);
    assertTrue(html.contains("Hi Ann,") && html.contains("as a massage therapist"), html);
    for (String part : List.of(text, html)) {
      // a misheard address must not hand a stranger the rest of the entry
      assertFalse(part.contains(tag) || part.contains(phone.substring(2)), part);
    }
    assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post")[0]);
    String unsubscribe = message.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
    assertTrue(html.contains(unsubscribe.replace("&", "&amp;")), html);
    assertTrue(text.contains(unsubscribe), text);

    // the one-click link is signed: a changed signature is refused, the real one works
    String link = Mails.local(unsubscribe);
    given()
        .contentType("application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .post(link.replaceAll("sig=[^&]+", "sig=forged"))
        .then()
        .statusCode(403);
    assertFalse(store.emailOptedOut(email));
    given()
        .contentType("application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .post(link)
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .body(containsString("You are unsubscribed"));
    assertTrue(store.emailOptedOut(email));

    List<Map<String, Object>> smsRecords = messagesTo(phone);
    assertEquals(1, smsRecords.size());
    assertEquals("sent", smsRecords.get(0).get("status"));
    assertTrue(((String) smsRecords.get(0).get("provider_id")).startsWith("SM"));
    assertEquals("sent", messagesTo(email).get(0).get("status"));

    // the same signup again: received, and nothing is sent
    signUp("Ann " + tag, phone, email, "therapist");
    jobs.runDue();
    assertEquals(1, TwilioMessagesWireMock.sendsTo(twilio, phone).size());
    assertEquals(1, mailTo(email).size());
  }

  @Test
  void aPhoneSignupIsConfirmedLikeAWebOne() throws Exception {
    String tag = tag();
    String email = "phone." + tag + "@example.com";
    String phone = phone();
    String args =
        """
        {"full_name": "Bo %s", "phone": "%s", "email": "%s", "role": "client"}"""
            .formatted(tag, phone, email);
    assertEquals("created", tool.save(args, Source.PHONE, Webhooks.newCallSid()).result());
    jobs.runDue();
    assertEquals(1, TwilioMessagesWireMock.sendsTo(twilio, phone).size());
    assertEquals(1, mailTo(email).size());
    assertTrue(Mails.parts(mailTo(email).get(0)).get("text/plain").contains("as a client"));
  }

  @Test
  void twilioStatusCallbacksRecordDelivery() {
    String phone = phone();
    signUp("Cy " + tag(), phone, "cy." + tag() + "@example.com", "client");
    jobs.runDue();
    String sid = (String) messagesTo(phone).get(0).get("provider_id");
    Map<String, String> callback =
        Map.of(
            "AccountSid",
            TwilioMessagesWireMock.ACCOUNT_SID,
            "MessageSid",
            sid,
            "MessageStatus",
            "undelivered",
            "ErrorCode",
            "30003",
            "To",
            phone);
    given()
        .contentType("application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", "forged")
        .formParams(callback)
        .post("/api/sms/status")
        .then()
        .statusCode(403);
    assertEquals("sent", messagesTo(phone).get(0).get("status"));
    Webhooks.post("/api/sms/status", callback).then().statusCode(204);
    assertEquals("undelivered", messagesTo(phone).get(0).get("status"));
    assertEquals("30003", messagesTo(phone).get(0).get("error_code"));
  }
}
