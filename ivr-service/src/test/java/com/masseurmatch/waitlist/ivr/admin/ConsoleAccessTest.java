package com.masseurmatch.waitlist.ivr.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.masseurmatch.waitlist.ivr.admin.ConsoleTwilioFake.InjectTwilio;
import com.masseurmatch.waitlist.model.console.ConsoleStore;
import com.masseurmatch.waitlist.model.voicemail.Voicemail;
import com.masseurmatch.waitlist.model.voicemail.VoicemailStore;
import com.masseurmatch.waitlist.model.waitlist.Role;
import com.masseurmatch.waitlist.model.waitlist.Source;
import com.masseurmatch.waitlist.model.waitlist.StoredEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistEntry;
import com.masseurmatch.waitlist.model.waitlist.WaitlistStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Console access over HTTP: sessions, cookies, CSRF, headers, and voicemail playback. */
@QuarkusTest
@QuarkusTestResource(value = ConsoleTwilioFake.class, restrictToAnnotatedClass = true)
class ConsoleAccessTest {

  @InjectTwilio ConsoleTwilioFake twilio;
  @Inject WaitlistStore waitlist;
  @Inject VoicemailStore voicemails;
  @Inject ConsoleStore console;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/admin",
        "/admin/waitlist",
        "/admin/calls",
        "/admin/analytics",
        "/admin/messages"
      })
  void everyPageWithoutASessionGoesToSignIn(String page) {
    given()
        .redirects()
        .follow(false)
        .get(page)
        .then()
        .statusCode(303)
        .header("Location", containsString("/admin/login?next="))
        .header("Cache-Control", "no-store");
  }

  @Test
  void aSignInSetsAStrictHttpOnlyCookieAndPagesCarryTheSecurityHeaders() {
    ConsoleLogin.Form form = ConsoleLogin.form();
    Response response =
        given()
            .redirects()
            .follow(false)
            .cookie("mm_console_login", form.cookie())
            .formParam("csrf", form.csrf())
            .formParam("token", ConsoleLogin.TOKEN)
            .formParam("operator", "Olive Ops")
            .formParam("next", "//evil.example/admin")
            .post("/admin/login");
    assertEquals(303, response.statusCode());
    assertTrue(response.header("Location").endsWith("/admin"), "never an open redirect");
    String setCookie =
        response.headers().getValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("mm_console="))
            .findFirst()
            .orElseThrow();
    assertTrue(setCookie.contains("HttpOnly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
    assertTrue(setCookie.contains("Max-Age=28800"), setCookie);
    assertFalse(setCookie.contains("Secure"), "plain http on localhost: " + setCookie);

    given()
        .cookie("mm_console", response.cookie("mm_console"))
        .get("/admin")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("default-src 'none'; script-src 'self'"))
        .header("X-Frame-Options", "DENY")
        .header("Cache-Control", "no-store")
        .body(containsString("Signed in as <strong>Olive Ops</strong>"));
  }

  @Test
  void behindTheHttpsPublicHostTheCookieIsSecure() {
    ConsoleLogin.Form form = ConsoleLogin.form();
    String setCookie =
        given()
            .redirects()
            .follow(false)
            .header("Host", "ivr.example.org")
            .cookie("mm_console_login", form.cookie())
            .formParam("csrf", form.csrf())
            .formParam("token", ConsoleLogin.TOKEN)
            .formParam("operator", "Olive Ops")
            .post("/admin/login")
            .headers()
            .getValues("Set-Cookie")
            .stream()
            .filter(c -> c.startsWith("mm_console="))
            .findFirst()
            .orElseThrow();
    assertTrue(setCookie.contains("Secure"), setCookie);
  }

  @Test
  void aWrongTokenIsRefusedWithoutASession() {
    ConsoleLogin.Form form = ConsoleLogin.form();
    Response response =
        given()
            .redirects()
            .follow(false)
            .cookie("mm_console_login", form.cookie())
            .formParam("csrf", form.csrf())
            .formParam("token", "not-the-admin-token")
            .formParam("operator", "Mallory")
            .post("/admin/login");
    assertEquals(401, response.statusCode());
    assertTrue(response.body().asString().contains("That admin token is not right."));
    assertFalse(
        response.headers().hasHeaderWithName("Set-Cookie")
            && response.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("mm_console=") && c.length() > 20));
  }

  @Test
  void aSignInWithoutItsFormTokenIsRefused() {
    given()
        .redirects()
        .follow(false)
        .formParam("token", ConsoleLogin.TOKEN)
        .formParam("operator", "Olive Ops")
        .post("/admin/login")
        .then()
        .statusCode(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/admin/logout", "/admin/waitlist/%s", "/admin/waitlist/%s/erase"})
  void aStateChangingPostWithoutTheCsrfTokenIs403AndChangesNothing(String route) {
    StoredEntry entry = add("Kept");
    ConsoleLogin.Session session = ConsoleLogin.signIn("Olive Ops");
    given()
        .redirects()
        .follow(false)
        .cookie("mm_console", session.cookie())
        .formParam("full_name", "Changed Name")
        .formParam("phone", "+14155550100")
        .formParam("email", "changed-" + tag + "@example.com")
        .formParam("role", "client")
        .formParam("reason", "no token")
        .post(route.formatted(entry.id()))
        .then()
        .statusCode(403)
        .body(containsString("Refused"));

    assertEquals(entry.email(), console.entry(entry.id()).orElseThrow().email());
    given()
        .cookie("mm_console", session.cookie())
        .redirects()
        .follow(false)
        .get("/admin")
        .then()
        .statusCode(200);
  }

  @Test
  void signingOutEndsTheSession() {
    ConsoleLogin.Session session = ConsoleLogin.signIn("Olive Ops");
    given()
        .redirects()
        .follow(false)
        .cookie("mm_console", session.cookie())
        .formParam("csrf", session.csrf())
        .post("/admin/logout")
        .then()
        .statusCode(303);
    given()
        .redirects()
        .follow(false)
        .cookie("mm_console", session.cookie())
        .get("/admin")
        .then()
        .statusCode(303);
  }

  @Test
  void aTamperedCookieIsNoSession() {
    ConsoleLogin.Session session = ConsoleLogin.signIn("Olive Ops");
    String[] parts = session.cookie().split("\\.");
    String forged =
        Base64.getUrlEncoder().withoutPadding().encodeToString("Root".getBytes())
            + "."
            + parts[1]
            + "."
            + parts[2]
            + "."
            + parts[3];
    given()
        .redirects()
        .follow(false)
        .cookie("mm_console", forged)
        .get("/admin")
        .then()
        .statusCode(303);
  }

  @Test
  void theJsonAdminApiStillWantsItsBearerToken() {
    ConsoleLogin.Session session = ConsoleLogin.signIn("Olive Ops");
    given().cookie("mm_console", session.cookie()).get("/api/waitlist").then().statusCode(401);
    given()
        .header("Authorization", "Bearer " + ConsoleLogin.TOKEN)
        .get("/api/waitlist")
        .then()
        .statusCode(200);
  }

  @Test
  void aVoicemailPlaysThroughTheServiceWithTheAccountsCredentials() {
    String recording = "RE" + tag + "0000000000000000000000aa";
    twilio.recording(recording, new byte[] {1, 2, 3, 4});
    Voicemail voicemail =
        voicemails.upsert(
            new Voicemail(
                null,
                "CA" + tag,
                "+14155550177",
                recording,
                "https://api.twilio.com/2010-04-01/Accounts/"
                    + ConsoleTwilioFake.ACCOUNT
                    + "/Recordings/"
                    + recording,
                12,
                "Please call me back " + tag,
                null));
    ConsoleLogin.Session session = ConsoleLogin.signIn("Olive Ops");

    String page =
        given()
            .cookie("mm_console", session.cookie())
            .get("/admin/voicemails")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(page.contains("Please call me back " + tag));
    assertTrue(page.contains("href=\"tel:+14155550177\""));
    assertFalse(page.contains("twilio.com"), "the page never shows a Twilio URL");
    assertFalse(page.contains(recording), "nor the recording SID");

    byte[] audio =
        given()
            .cookie("mm_console", session.cookie())
            .get("/admin/voicemails/" + voicemail.id() + "/recording.mp3")
            .then()
            .statusCode(200)
            .header("Content-Type", containsString("audio/mpeg"))
            .extract()
            .asByteArray();
    assertArrayEquals(new byte[] {1, 2, 3, 4}, audio);
    String basic =
        Base64.getEncoder()
            .encodeToString((ConsoleTwilioFake.ACCOUNT + ":test-twilio-auth-token").getBytes());
    assertTrue(
        twilio
            .requests()
            .contains(
                "/2010-04-01/Accounts/"
                    + ConsoleTwilioFake.ACCOUNT
                    + "/Recordings/"
                    + recording
                    + ".mp3 Basic "
                    + basic),
        twilio.requests().toString());

    given()
        .redirects()
        .follow(false)
        .cookie("mm_console", session.cookie())
        .formParam("csrf", session.csrf())
        .post("/admin/voicemails/" + voicemail.id() + "/handled")
        .then()
        .statusCode(303);
    assertEquals("Olive Ops", console.voicemail(voicemail.id()).orElseThrow().handledBy());
    given()
        .cookie("mm_console", session.cookie())
        .get("/admin/voicemails")
        .then()
        .body(not(containsString("Please call me back " + tag)));
  }

  @Test
  void aRecordingTwilioNoLongerHasIs404() {
    String recording = "RE" + tag + "1111111111111111111111bb";
    Voicemail voicemail =
        voicemails.upsert(new Voicemail(null, null, null, recording, null, 3, null, null));
    ConsoleLogin.Session session = ConsoleLogin.signIn("Olive Ops");
    given()
        .cookie("mm_console", session.cookie())
        .get("/admin/voicemails/" + voicemail.id() + "/recording.mp3")
        .then()
        .statusCode(404);
  }

  @Test
  void anUnknownFilterValueIsA400Page() {
    ConsoleLogin.Session session = ConsoleLogin.signIn("Olive Ops");
    given()
        .cookie("mm_console", session.cookie())
        .get("/admin/waitlist?role=boss")
        .then()
        .statusCode(400)
        .body(containsString("unknown role"));
    given()
        .cookie("mm_console", session.cookie())
        .get("/admin/analytics?days=13")
        .then()
        .statusCode(400);
  }

  @Test
  void theCsvFollowsTheFilterAndRendersAsText() {
    add("Tessa");
    ConsoleLogin.Session session = ConsoleLogin.signIn("Olive Ops");
    String csv =
        given()
            .cookie("mm_console", session.cookie())
            .get("/admin/waitlist/export.csv?q=" + tag)
            .then()
            .statusCode(200)
            .header("Content-Disposition", containsString("waitlist.csv"))
            .extract()
            .asString();
    assertEquals(2, csv.split("\r\n").length, csv);
    assertTrue(csv.contains("tessa-" + tag + "@example.com"));
  }

  private StoredEntry add(String name) {
    return waitlist
        .upsert(
            new WaitlistEntry(
                name + " Lee",
                "+14155550142",
                name.toLowerCase() + "-" + tag + "@example.com",
                Role.CLIENT,
                Source.WEB,
                null))
        .entry();
  }
}
