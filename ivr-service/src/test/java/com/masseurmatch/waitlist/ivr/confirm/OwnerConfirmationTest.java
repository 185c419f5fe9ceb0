package com.masseurmatch.waitlist.ivr.confirm;

import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.entry;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.phone;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.signUp;
import static com.masseurmatch.waitlist.ivr.confirm.ConfirmationTestSupport.tag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import com.masseurmatch.waitlist.model.job.JobRunner;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A known e-mail's entry changes only when its owner confirms: by replying CONFIRM from the entry's
 * phone or through the signed e-mail link. Inbound SMS keywords opt out and in.
 */
@QuarkusTest
@WithTestResource(TwilioMessagesWireMock.class)
@WithTestResource(GreenMailResource.class)
class OwnerConfirmationTest {

  @InjectTwilio WireMockServer twilio;
  @InjectGreenMail GreenMail mail;
  @Inject JobRunner jobs;

  @BeforeEach
  void reset() {
    TwilioMessagesWireMock.reset(twilio);
    jobs.runDue();
    twilio.resetRequests();
  }

  private List<String> smsTo(String phone) {
    return TwilioMessagesWireMock.sendsTo(twilio, phone).stream()
        .map((LoggedRequest r) -> r.formParameter("Body").firstValue())
        .toList();
  }

  private List<MimeMessage> mailTo(String email) throws Exception {
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

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String sms(String from, String body) {
    Map<String, String> params =
        Map.of(
            "AccountSid",
            TwilioMessagesWireMock.ACCOUNT_SID,
            "MessageSid",
            "SM" + "c".repeat(32),
            "From",
            from,
            "To",
            TwilioMessagesWireMock.FROM,
            "Body",
            body);
    return Webhooks.post("/api/sms", params)
        .then()
        .statusCode(200)
        .contentType("text/xml")
        .extract()
        .asString();
  }

  @Test
  void aChangeWaitsAndTheOwnerConfirmsItByReplyingConfirm() throws Exception {
    String tag = tag();
    String email = "fay." + tag + "@example.com";
    String owner = phone();
    String other = phone();
    signUp("Fay " + tag, owner, email, "therapist");
    jobs.runDue();
    signUp("Mallory " + tag, other, email, "client");
    assertEquals("therapist", entry(email).get("role"));
    jobs.runDue();
    List<String> notices = smsTo(owner);
    assertEquals(2, notices.size());
    assertTrue(notices.get(1).contains("Reply CONFIRM"), notices.get(1));
    assertEquals(List.of(), smsTo(other));
    assertEquals(
        1,
        mailTo(email).stream()
            .filter(m -> subject(m).equals("Confirm a change to your MasseurMatch waitlist entry"))
            .count());

    // CONFIRM from another number changes nothing; from the entry's phone it applies the change
    assertTrue(sms(other, "confirm").contains("no change waiting"));
    assertEquals(owner, entry(email).get("phone"));
    assertTrue(sms(owner, "CONFIRM").contains("your waitlist entry is updated"));
    assertEquals(other, entry(email).get("phone"));
    assertEquals("client", entry(email).get("role"));
    // only the changed channel is confirmed again: a signup SMS to the new number, no e-mail
    int mails = mailTo(email).size();
    jobs.runDue();
    assertEquals(1, smsTo(other).size());
    assertEquals(mails, mailTo(email).size());
  }

  @Test
  void theOwnerConfirmsByTheSignedLinkAndNotYouRemovesTheAddress() throws Exception {
    String tag = tag();
    String email = "gil." + tag + "@example.com";
    String owner = phone();
    signUp("Gil " + tag, owner, email, "client");
    signUp("Gil " + tag, owner, email, "therapist");
    jobs.runDue();
    // the signup and the change notice go out in the same run, in either order
    MimeMessage notice =
        mailTo(email).stream()
            .filter(m -> subject(m).startsWith("Confirm a change"))
            .findFirst()
            .orElseThrow();
    String text = Mails.parts(notice).get("text/plain");
    Matcher confirm =
        Pattern.compile(Pattern.quote(Webhooks.PUBLIC_BASE) + "/email/confirm-change\\S+")
            .matcher(text);
    assertTrue(confirm.find(), text);
    String link = Mails.local(confirm.group());
    // opening the link asks first: mail scanners follow links
    given().get(link).then().statusCode(200).body(containsString("Confirm the change"));
    assertEquals("client", entry(email).get("role"));
    given().post(link.replace("&v=", "&v=0")).then().statusCode(403);
    given().post(link).then().statusCode(200).body(containsString("is updated"));
    assertEquals("therapist", entry(email).get("role"));
    given().post(link).then().statusCode(200).body(containsString("no change waiting"));

    Matcher notYou =
        Pattern.compile(Pattern.quote(Webhooks.PUBLIC_BASE) + "/email/not-you\\S+").matcher(text);
    assertTrue(notYou.find(), text);
    given().post(Mails.local(notYou.group())).then().statusCode(200);
    assertNull(entry(email));
  }

  @Test
  void anOptedOutNumberReceivesNothingUntilItOptsBackIn() throws Exception {
    String phone = phone();
    assertEquals("<Response/>", sms(phone, "Stop").replaceAll("<\\?xml[^>]*>", "").trim());
    String email = "hal." + tag() + "@example.com";
    signUp("Hal " + tag(), phone, email, "client");
    jobs.runDue();
    assertEquals(1, mailTo(email).size());
    assertEquals(List.of(), smsTo(phone));
    assertEquals("opted_out", ConfirmationTestSupport.messagesTo(phone).get(0).get("status"));

    sms(phone, "START");
    String help = sms(phone, "help");
    assertTrue(help.contains("<Message>") && help.contains("hello@masseurmatch.com"), help);
    signUp("Hal " + tag(), phone, "hal2." + tag() + "@example.com", "client");
    jobs.runDue();
    assertEquals(1, smsTo(phone).size());
  }
}
