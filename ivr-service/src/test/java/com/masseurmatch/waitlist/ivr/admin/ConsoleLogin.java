package com.masseurmatch.waitlist.ivr.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in to the console over HTTP as a browser would, for tests without a browser. */
public final class ConsoleLogin {

  public static final String TOKEN = "test-admin-token";
  private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private ConsoleLogin() {}

  /** A signed-in session: the cookie value and the CSRF token its forms carry. */
  public record Session(String cookie, String csrf) {}

  /** The sign-in form's CSRF token and its paired cookie. */
  public record Form(String cookie, String csrf) {}

  public static Form form() {
    Response page = given().redirects().follow(false).get("/admin/login");
    assertEquals(200, page.statusCode());
    return new Form(page.cookie("mm_console_login"), csrfIn(page.body().asString()));
  }

  public static Session signIn(String operator) {
    Form form = form();
    Response response =
        given()
            .redirects()
            .follow(false)
            .cookie("mm_console_login", form.cookie())
            .formParam("csrf", form.csrf())
            .formParam("token", TOKEN)
            .formParam("operator", operator)
            .formParam("next", "/admin")
            .post("/admin/login");
    assertEquals(303, response.statusCode(), response.body().asString());
    String cookie = response.cookie("mm_console");
    String csrf = csrfIn(given().cookie("mm_console", cookie).get("/admin").body().asString());
    return new Session(cookie, csrf);
  }

  /** The first hidden {@code csrf} field of a page. */
  public static String csrfIn(String html) {
    Matcher matcher = HIDDEN_CSRF.matcher(html);
    if (!matcher.find()) {
      throw new AssertionError("no csrf field in the page");
    }
    return matcher.group(1);
  }
}
