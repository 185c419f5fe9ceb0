package com.masseurmatch.waitlist.ivr.admin.messages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.masseurmatch.waitlist.ivr.admin.ConsoleLogin;
import com.masseurmatch.waitlist.model.confirm.Channel;
import com.masseurmatch.waitlist.model.confirm.ConfirmationStore;
import com.masseurmatch.waitlist.model.confirm.MessageRecord;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /admin/messages} over HTTP: its filters, its refusals and the opt-outs. */
@QuarkusTest
class MessagesPageTest {

  @Inject ConfirmationStore confirmations;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void theChannelFilterKeepsOnlyThatChannelsMessages() {
    send(Channel.EMAIL, "mail." + tag + "@example.com", MessageRecord.DELIVERED);
    send(Channel.SMS, "+14155550168", MessageRecord.SENT);
    ConsoleLogin.Session session = ConsoleLogin.signIn("Olive Ops");

    given()
        .cookie("mm_console", session.cookie())
        .get("/admin/messages?channel=email")
        .then()
        .statusCode(200)
        .body(containsString("mail." + tag + "@example.com"))
        .body(containsString("<option value=\"email\" selected>"))
        .body(not(containsString("+14155550168")));
  }

  @Test
  void aStatusFilterShowsTheFailuresWithTheirErrors() {
    MessageRecord failed =
        confirmations.beginAttempt("f-" + tag, null, Channel.SMS, "signup", "+14155550166");
    confirmations.finish(failed.id(), MessageRecord.FAILED, null, "21610", "unsubscribed " + tag);
    ConsoleLogin.Session session = ConsoleLogin.signIn("Olive Ops");

    given()
        .cookie("mm_console", session.cookie())
        .get("/admin/messages?status=failed")
        .then()
        .statusCode(200)
        .body(containsString("21610: unsubscribed " + tag));
  }

  @Test
  void optOutsAreListed() {
    confirmations.setSmsOptOut("+14155550167", true, "STOPALL");
    confirmations.optOutEmail("gone." + tag + "@example.com");
    ConsoleLogin.Session session = ConsoleLogin.signIn("Olive Ops");

    given()
        .cookie("mm_console", session.cookie())
        .get("/admin/messages")
        .then()
        .statusCode(200)
        .body(containsString("gone." + tag + "@example.com"))
        .body(containsString("STOPALL"));
  }

  @Test
  void anUnknownChannelStatusOrPageIsA400Page() {
    ConsoleLogin.Session session = ConsoleLogin.signIn("Olive Ops");
    given()
        .cookie("mm_console", session.cookie())
        .get("/admin/messages?status=lost")
        .then()
        .statusCode(400)
        .body(containsString("unknown status"));
    given()
        .cookie("mm_console", session.cookie())
        .get("/admin/messages?channel=fax")
        .then()
        .statusCode(400)
        .body(containsString("unknown channel"));
    given()
        .cookie("mm_console", session.cookie())
        .get("/admin/messages?page=0")
        .then()
        .statusCode(400);
  }

  private void send(Channel channel, String to, String status) {
    MessageRecord m = confirmations.beginAttempt(tag + channel, null, channel, "signup", to);
    confirmations.finish(m.id(), status, null, null, null);
  }
}
