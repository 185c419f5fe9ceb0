package com.masseurmatch.waitlist.ivr.admin;

import com.masseurmatch.waitlist.ivr.admin.session.ConsoleSession;

/**
 * What the console's one layout needs on every page: the page's section (for the navigation), the
 * signed-in operator and the CSRF token for the sign-out form.
 */
public record ConsolePage(String section, String operator, String csrf) {

  public static ConsolePage of(String section, ConsoleSession session) {
    return new ConsolePage(section, session.operator(), session.csrfToken());
  }

  /** {@code page} when this page is in the section, for {@code aria-current}. */
  public String current(String name) {
    return section.equals(name) ? "page" : "false";
  }
}
